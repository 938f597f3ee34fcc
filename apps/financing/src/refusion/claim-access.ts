import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditEntry, type Principal } from '@platform/auth';
import { ProblemException } from '@platform/http';
import { RefusionRepository, type ClaimAggregate } from './refusion.repository';
import { mayRead } from './refusion.service';

export const claimResource = (id: string) => ({ type: 'refusion-claim', id });
/** A municipality's refusion year: what the year export reads. */
export const yearResource = (municipalityCode: string, year: number) => ({
  type: 'refusion-year',
  id: `${municipalityCode}-${year}`,
});

/**
 * Who may read a refusion claim, and the audit of it: a claim names its citizens (by pseudonym) line by line, so
 * every read that shows lines is an audited read of each citizen shown, and a claim the caller may not see (or
 * that does not exist) is a 404 audited as a denied attempt, as knowledge and referrals do.
 */
@Injectable()
export class ClaimAccess {
  constructor(
    private readonly claims: RefusionRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** The claim with its lines, or a denied attempt and 404. */
  async find(p: Principal, id: string, action: string, requestId?: string): Promise<ClaimAggregate> {
    const found = await this.claims.find(id);
    if (found && mayRead(p, found.claim)) return found;
    return this.deny(p, action, claimResource(id), `refusion claim ${id}`, requestId);
  }

  /** That the caller may read the claim (its lines not loaded: an export streams them), or a denial and 404. */
  async owner(p: Principal, id: string, action: string, requestId?: string): Promise<void> {
    const owner = await this.claims.owner(id);
    if (!owner || !mayRead(p, owner))
      await this.deny(p, action, claimResource(id), `refusion claim ${id}`, requestId);
  }

  /** That the caller may read a municipality's claims of a year, or a denial and 404. */
  async year(p: Principal, municipalityCode: string, year: number, action: string, requestId?: string) {
    if (!mayRead(p, { municipalityCode }))
      await this.deny(
        p,
        action,
        yearResource(municipalityCode, year),
        `refusion of municipality ${municipalityCode}`,
        requestId,
      );
  }

  private async deny(
    p: Principal,
    action: string,
    resource: AuditEntry['resource'],
    what: string,
    requestId: string | undefined,
  ): Promise<never> {
    await this.audit.denied(p, { action, resource, requestId });
    throw ProblemException.notFound(what);
  }
}
