import { AuditRecorded } from '@platform/contracts';
import { inTransaction, type OutboxWriter, type SqlDatabase, type SqlTransaction } from '@platform/messaging';
import type { AccessDeniedSink } from './access-denied';
import type { Principal } from './principal';

export interface AuditEntry {
  /** e.g. `referral.create`, `citizen.read`. */
  action: string;
  resource: { type: string; id?: string };
  citizenPseudonym?: string;
  /** Why the data was touched (formål), e.g. `visitation`, `placement`. */
  purpose: string;
  outcome: 'ALLOWED' | 'DENIED';
  /** The request that did it (X-Request-Id), in the audit row's data. */
  requestId?: string;
  /**
   * The case it belongs to (CloudEvents `correlationid`), when that is not the current one: a read of a
   * referral is audited under the referral's case id. Default: the current correlation id (libs/messaging).
   */
  correlationId?: string | null;
}

/**
 * Emits audit events (who, what, which citizen pseudonym, why, outcome) through the outbox to
 * `audit.events.v1`. Inside a state change use record(tx, …) so the audit event commits with it; reads and
 * denials use their own small transaction.
 */
export class AuditTrail implements AccessDeniedSink {
  constructor(
    private readonly service: string,
    private readonly outbox: OutboxWriter,
    private readonly db: SqlDatabase,
  ) {}

  async record(tx: SqlTransaction, principal: Principal, entry: AuditEntry): Promise<void> {
    await this.outbox.append(tx, AuditRecorded, {
      subject: entry.resource.id ?? entry.resource.type,
      correlationId: entry.correlationId,
      data: {
        actor: {
          subject: principal.subject,
          clientId: principal.clientId,
          orgType: principal.orgType,
          orgCode: principal.orgCode,
          roles: principal.roles,
        },
        action: entry.action,
        resource: entry.resource,
        ...(entry.citizenPseudonym ? { citizenPseudonym: entry.citizenPseudonym } : {}),
        purpose: entry.purpose,
        outcome: entry.outcome,
        ...(entry.requestId ? { requestId: entry.requestId } : {}),
        service: this.service,
        occurredAt: new Date().toISOString(),
      },
    });
  }

  /** Records an entry in its own transaction (reads, denials). */
  recordNow(principal: Principal, entry: AuditEntry): Promise<void> {
    return inTransaction(this.db, (tx) => this.record(tx, principal, entry));
  }

  /** Records several entries in one transaction: a list read, one entry per citizen it showed. */
  async recordAllNow(principal: Principal, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await inTransaction(this.db, async (tx) => {
      for (const entry of entries) await this.record(tx, principal, entry);
    });
  }

  denied(
    principal: Principal,
    attempt: { action: string; resource: { type: string; id?: string }; requestId?: string },
  ) {
    return this.recordNow(principal, { ...attempt, purpose: 'access', outcome: 'DENIED' });
  }
}
