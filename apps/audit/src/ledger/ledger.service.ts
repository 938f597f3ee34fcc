import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { AUDIT_CONFIG, type AuditConfig } from '../config/audit.config';
import { ChainVerifier, GENESIS_HASH, type ChainBreak, type ChainedRow } from './domain/chain';
import {
  checkpointKey,
  checkpointSignatureHolds,
  signCheckpoint,
  type CheckpointKey,
} from './domain/checkpoint';
import { toFhirBundle } from './domain/fhir-audit-event';
import { decodeCursor, encodeCursor, type LedgerQuery } from './dto/ledger.query';
import { LedgerRepository, type LedgerFilter } from './ledger.repository';
import { ledgerEventView, type CheckpointInput } from './ledger.view';

/** Why the auditor's own reads are in the ledger too: supervision is itself an access to citizen data. */
const SUPERVISION = 'supervision';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The state auditor's view of the ledger: query, FHIR export, verification and signed checkpoints. Every
 * call is itself audited (action `audit.*`, purpose `supervision`), so the ledger also shows who looked at it.
 */
@Injectable()
export class LedgerService {
  private readonly key: CheckpointKey;

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly audit: AuditTrail,
    @Inject(AUDIT_CONFIG) config: AuditConfig,
  ) {
    this.key = checkpointKey(config.AUDIT_CHECKPOINT_SIGNING_KEY);
  }

  async page(query: LedgerQuery): Promise<{ rows: ChainedRow[]; nextCursor: string | null }> {
    const rows = await this.ledger.find(filterOf(query), decodeCursor(query.cursor), query.limit + 1);
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    return { rows: page, nextCursor: more ? encodeCursor(page.at(-1)!.seq) : null };
  }

  async query(principal: Principal, query: LedgerQuery, requestId?: string) {
    const { rows, nextCursor } = await this.page(query);
    await this.record(principal, 'audit.query', query.citizenPseudonym, requestId);
    return { items: rows.map(ledgerEventView), nextCursor };
  }

  async fhir(principal: Principal, query: LedgerQuery, selfUrl: string, requestId?: string) {
    const { rows, nextCursor } = await this.page(query);
    await this.record(principal, 'audit.export', query.citizenPseudonym, requestId);
    const next = nextCursor ? withCursor(selfUrl, nextCursor) : undefined;
    return toFhirBundle(rows, { self: selfUrl, ...(next ? { next } : {}) }, new Date());
  }

  /** Recomputes the whole chain; names the first row that breaks it. */
  async verify(principal?: Principal, requestId?: string) {
    const verifier = new ChainVerifier();
    let firstBroken: ChainBreak | null = null;
    scan: for await (const rows of this.ledger.scan()) {
      for (const row of rows) {
        firstBroken = verifier.checkColumns(row) ?? null;
        if (firstBroken) break scan;
      }
    }
    if (principal) await this.record(principal, 'audit.verify', undefined, requestId);
    return {
      valid: firstBroken === null,
      ...verifier.state,
      firstBroken,
      checkedAt: new Date().toISOString(),
    };
  }

  async checkpoint(principal: Principal, requestId?: string) {
    const head = (await this.ledger.head()) ?? { count: 0, lastSeq: '0', lastHash: GENESIS_HASH };
    await this.record(principal, 'audit.checkpoint', undefined, requestId);
    return signCheckpoint({ ...head, issuedAt: new Date().toISOString() }, this.key);
  }

  /** Checks a checkpoint kept outside: its signature, its key, and that the ledger still holds what it vouched for. */
  async checkCheckpoint(principal: Principal, checkpoint: CheckpointInput, requestId?: string) {
    const signatureValid = checkpointSignatureHolds(checkpoint, checkpoint.publicKey);
    const signedByThisService = checkpoint.publicKey.trim() === this.key.publicKeyPem.trim();
    const rowPresent =
      checkpoint.lastSeq === '0'
        ? checkpoint.lastHash === GENESIS_HASH
        : (await this.ledger.hashAt(checkpoint.lastSeq)) === checkpoint.lastHash;
    const { valid: chainValid } = await this.verify();
    const countNow = (await this.ledger.head())?.count ?? 0;
    await this.record(principal, 'audit.checkpoint-check', undefined, requestId);
    return {
      signatureValid,
      signedByThisService,
      rowPresent,
      chainValid,
      countNow,
      holds:
        signatureValid && signedByThisService && rowPresent && chainValid && countNow >= checkpoint.count,
    };
  }

  private record(principal: Principal, action: string, citizenPseudonym?: string, requestId?: string) {
    return this.audit.recordNow(principal, {
      action,
      resource: { type: 'audit-ledger' },
      ...(citizenPseudonym ? { citizenPseudonym } : {}),
      purpose: SUPERVISION,
      outcome: 'ALLOWED',
      ...(requestId ? { requestId } : {}),
    });
  }
}

function filterOf(q: LedgerQuery): LedgerFilter {
  return {
    citizenPseudonym: q.citizenPseudonym,
    subject: q.subject,
    orgType: q.orgType,
    orgCode: q.orgCode,
    action: q.action,
    outcome: q.outcome,
    service: q.service,
    resourceType: q.resourceType,
    resourceId: q.resourceId,
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
  };
}

function withCursor(url: string, cursor: string): string {
  const parsed = new URL(url, 'http://x');
  parsed.searchParams.set('cursor', cursor);
  return `${parsed.pathname}${parsed.search}`;
}
