import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditEntry, type Principal } from '@platform/auth';
import { IntakeRepository } from '../intake/intake.repository';

/** Why financing reads a citizen's data (formål): the same purpose its writes are audited with. */
export const FINANCING_PURPOSE = 'financing';

/**
 * The audit entries of a read that showed these citizens: one allowed read per distinct pseudonym (a household
 * line names several; a citizen may have many lines), as the other services audit a list read row by row.
 */
export function citizenReads(
  action: string,
  resource: AuditEntry['resource'],
  pseudonyms: Iterable<string>,
  requestId: string | undefined,
): AuditEntry[] {
  return [...new Set(pseudonyms)].map((citizenPseudonym) => ({
    action,
    resource,
    citizenPseudonym,
    purpose: FINANCING_PURPOSE,
    outcome: 'ALLOWED',
    requestId,
  }));
}

/**
 * Audits the reads of citizens' data in financing (rule: every read of a citizen's data leaves an audit event by
 * pseudonym), in the audit trail's own small transaction, before the data is returned.
 */
@Injectable()
export class CitizenReads {
  constructor(
    private readonly audit: AuditTrail,
    private readonly intake: IntakeRepository,
  ) {}

  /** A read that showed these citizens; nothing when it showed none. */
  shown(
    p: Principal,
    action: string,
    resource: AuditEntry['resource'],
    pseudonyms: Iterable<string>,
    requestId: string | undefined,
  ): Promise<void> {
    return this.audit.recordAllNow(p, citizenReads(action, resource, pseudonyms, requestId));
  }

  /**
   * A read of rows that name a placement by referral id only (entries, invoices): the citizens are those of the
   * placements, by the pseudonym the placement event carried.
   */
  async ofReferrals(
    p: Principal,
    action: string,
    resource: AuditEntry['resource'],
    referralIds: Iterable<string>,
    requestId: string | undefined,
  ): Promise<void> {
    const placements = await this.intake.placements([...new Set(referralIds)]);
    await this.shown(
      p,
      action,
      resource,
      placements.map((pl) => pl.citizenPseudonym),
      requestId,
    );
  }
}
