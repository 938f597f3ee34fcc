import { Injectable } from '@nestjs/common';
import type { AuditRecorded, EventData } from '@platform/contracts';
import { PgDatabase, type SqlStatement } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import { chainAll, type ChainedRow, type LedgerColumns, type LedgerEntry } from './domain/chain';
import { scanLedger } from './ledger-scan';

/** Filters of a ledger query; every one optional, all of them must hold. */
export interface LedgerFilter {
  citizenPseudonym?: string;
  subject?: string;
  orgType?: string;
  orgCode?: string;
  action?: string;
  outcome?: 'ALLOWED' | 'DENIED';
  service?: string;
  resourceType?: string;
  resourceId?: string;
  /** Inclusive lower and exclusive upper bound of occurredAt. */
  from?: Date;
  to?: Date;
}

interface DbRow {
  seq: string;
  event_id: string;
  service: string;
  occurred_at: Date;
  recorded_at: Date;
  actor_subject: string;
  actor_client_id: string | null;
  actor_org_type: string | null;
  actor_org_code: string | null;
  actor_roles: string[] | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  citizen_pseudonym: string | null;
  purpose: string;
  outcome: string;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

const COLUMNS = `seq, event_id, service, occurred_at, recorded_at, actor_subject, actor_client_id, actor_org_type,
  actor_org_code, actor_roles, action, resource_type, resource_id, citizen_pseudonym, purpose, outcome, request_id,
  prev_hash, hash`;

// One chain for the whole ledger: appends take this transaction-scoped lock, so two appends cannot both
// read the same head (the application's role may not SELECT … FOR UPDATE a table it cannot update).
const CHAIN_LOCK = 0x617564_6974; // 'audit'

const toRow = (r: DbRow): ChainedRow => ({
  seq: String(r.seq),
  eventId: r.event_id,
  service: r.service,
  occurredAt: r.occurred_at.toISOString(),
  recordedAt: r.recorded_at.toISOString(),
  actorSubject: r.actor_subject,
  actorClientId: r.actor_client_id,
  actorOrgType: r.actor_org_type,
  actorOrgCode: r.actor_org_code,
  actorRoles: r.actor_roles ?? [],
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  citizenPseudonym: r.citizen_pseudonym,
  purpose: r.purpose,
  outcome: r.outcome,
  requestId: r.request_id,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Milliseconds, as TIMESTAMPTZ(3) keeps them: the hash is computed over what the database gives back. */
const instant = (iso: string) => new Date(iso).toISOString();

/** One audit event to append: its CloudEvent id and its data. */
export interface AuditAppend {
  eventId: string;
  data: EventData<typeof AuditRecorded>;
}

function entryOf(eventId: string, data: AuditAppend['data'], recordedAt: Date): Omit<LedgerEntry, 'seq'> {
  return {
    eventId,
    service: data.service,
    occurredAt: instant(data.occurredAt),
    recordedAt: recordedAt.toISOString(),
    actorSubject: data.actor.subject,
    actorClientId: data.actor.clientId ?? null,
    actorOrgType: data.actor.orgType ?? null,
    actorOrgCode: data.actor.orgCode ?? null,
    actorRoles: data.actor.roles,
    action: data.action,
    resourceType: data.resource.type,
    resourceId: data.resource.id ?? null,
    citizenPseudonym: data.citizenPseudonym ?? null,
    purpose: data.purpose,
    outcome: data.outcome,
    requestId: data.requestId ?? null,
  };
}

/** The ledger table: append under the chain lock, read in seq order. Never updates, never deletes. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly db: PgDatabase) {}

  /**
   * Appends audit events as the next links of the chain, in their order, inside the caller's transaction (the
   * one that records their event ids in the inbox): one chain lock, one read of the head, one INSERT for the
   * whole batch. The rows go in as one JSON array (jsonb_to_recordset), so a batch of any size is one statement
   * with one parameter.
   */
  async appendAll(tx: Tx, events: readonly AuditAppend[], recordedAt = new Date()): Promise<ChainedRow[]> {
    if (events.length === 0) return [];
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
    const [head] = await tx.$queryRaw<{ seq: string; hash: string }[]>`
      SELECT seq, hash FROM audit_ledger ORDER BY seq DESC LIMIT 1`;
    const rows = chainAll(
      events.map(({ eventId, data }) => entryOf(eventId, data, recordedAt)),
      head ? { seq: String(head.seq), hash: head.hash } : null,
    );
    await tx.$executeRaw`
      INSERT INTO audit_ledger (seq, event_id, service, occurred_at, recorded_at, actor_subject, actor_client_id,
        actor_org_type, actor_org_code, actor_roles, action, resource_type, resource_id, citizen_pseudonym, purpose,
        outcome, request_id, prev_hash, hash)
      SELECT r.seq, r."eventId", r.service, r."occurredAt", r."recordedAt", r."actorSubject", r."actorClientId",
        r."actorOrgType", r."actorOrgCode", r."actorRoles", r.action, r."resourceType", r."resourceId",
        r."citizenPseudonym", r.purpose, r.outcome, r."requestId", r."prevHash", r.hash
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(seq bigint, "eventId" text, service text,
        "occurredAt" timestamptz, "recordedAt" timestamptz, "actorSubject" text, "actorClientId" text,
        "actorOrgType" text, "actorOrgCode" text, "actorRoles" text[], action text, "resourceType" text,
        "resourceId" text, "citizenPseudonym" text, purpose text, outcome text, "requestId" text,
        "prevHash" text, hash text)
      ORDER BY r.seq`;
    return rows;
  }

  /** One page of matching rows in chain order, after the cursor's seq. */
  async find(filter: LedgerFilter, afterSeq: string | undefined, limit: number): Promise<ChainedRow[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      values.push(value);
      where.push(condition(`$${values.length}`));
    };
    if (filter.citizenPseudonym) add((p) => `citizen_pseudonym = ${p}`, filter.citizenPseudonym);
    if (filter.subject) add((p) => `actor_subject = ${p}`, filter.subject);
    if (filter.orgType) add((p) => `actor_org_type = ${p}`, filter.orgType);
    if (filter.orgCode) add((p) => `actor_org_code = ${p}`, filter.orgCode);
    if (filter.action) add((p) => `action = ${p}`, filter.action);
    if (filter.outcome) add((p) => `outcome = ${p}`, filter.outcome);
    if (filter.service) add((p) => `service = ${p}`, filter.service);
    if (filter.resourceType) add((p) => `resource_type = ${p}`, filter.resourceType);
    if (filter.resourceId) add((p) => `resource_id = ${p}`, filter.resourceId);
    if (filter.from) add((p) => `occurred_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `occurred_at < ${p}`, filter.to);
    if (afterSeq) add((p) => `seq > ${p}::bigint`, afterSeq);
    values.push(limit);
    const statement: SqlStatement = {
      text: `SELECT ${COLUMNS} FROM audit_ledger ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY seq LIMIT $${values.length}`,
      values,
    };
    const { rows } = await this.db.query<DbRow & Record<string, unknown>>(statement);
    return rows.map(toRow);
  }

  /** The whole chain in seq order, a page at a time (verify: see scanLedger). */
  scan(pageSize?: number): AsyncGenerator<LedgerColumns[]> {
    return scanLedger(this.db, pageSize);
  }

  /** The last row and how many rows there are. */
  async head(): Promise<{ count: number; lastSeq: string; lastHash: string } | null> {
    const [row] = await this.db.$queryRaw<{ seq: string; hash: string; count: string }[]>`
      SELECT seq, hash, (SELECT count(*) FROM audit_ledger) AS count FROM audit_ledger ORDER BY seq DESC LIMIT 1`;
    return row ? { count: Number(row.count), lastSeq: String(row.seq), lastHash: row.hash } : null;
  }

  /** The hash of the row at seq (null: there is no such row). */
  async hashAt(seq: string): Promise<string | null> {
    const [row] = await this.db.$queryRaw<{ hash: string }[]>`
      SELECT hash FROM audit_ledger WHERE seq = ${seq}::bigint`;
    return row?.hash ?? null;
  }

  /** Whether an organisation has read or changed this citizen's data with an allowed access (tenant scope). */
  async organisationHasCitizen(orgType: string, orgCode: string, pseudonym: string): Promise<boolean> {
    const [row] = await this.db.$queryRaw<{ found: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM audit_ledger WHERE citizen_pseudonym = ${pseudonym}
        AND actor_org_type = ${orgType} AND actor_org_code = ${orgCode} AND outcome = 'ALLOWED') AS found`;
    return row?.found ?? false;
  }
}
