import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { RefusionClaimed, RefusionDecided } from '@platform/contracts';
import { NotFoundError, StateConflict } from '@platform/domain';
import { ProblemException } from '@platform/http';
import { CommandRunner, UnitOfWork, type ChangeRequest } from '@platform/kit';
import { event } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import { CostLineRepository } from '../cost/cost-line.repository';
import { IntakeRepository } from '../intake/intake.repository';
import type { Tx } from '../database/prisma.service';
import { RuleSetRepository, type RuleSetRow } from '../rule-set/rule-set.repository';
import { compareClaims, computeClaim, type ClaimInput, type Over67 } from './domain/claim-computation';
import { decideClaim } from './domain/claim-decision';
import type { ClaimBody, DecisionBody, OneOffEntryInput } from './refusion.dto';
import { RefusionRepository, type ClaimAggregate } from './refusion.repository';
import { claimEtag } from './refusion.view';

class NoRuleSetInForce extends StateConflict {
  constructor(year: number) {
    super('NO_RULE_SET', `no rule set is in force for ${year}`, { year });
  }
}
class ClaimExists extends StateConflict {
  constructor() {
    super('CLAIM_EXISTS', 'the municipality has claimed this quarter already', {});
  }
}
class RuleSetNotFound extends NotFoundError {
  constructor(id: string) {
    super('RULE_SET_NOT_FOUND', `rule set ${id} was not found`);
  }
}

/** May the caller see this claim? Its own municipality and the state; anyone else gets a 404. */
export const mayRead = (p: Principal, c: { municipalityCode: string }) =>
  p.orgType === 'state' || (p.orgType === 'municipality' && p.orgCode === c.municipalityCode);

/**
 * Refusion for particularly expensive single cases (SEL § 176 / Barnets lov § 198): the municipality records one-off
 * expenses and income, claims per quarter year to date, and the state decides each line.
 */
@Injectable()
export class RefusionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly claims: RefusionRepository,
    private readonly ruleSets: RuleSetRepository,
    private readonly intake: IntakeRepository,
    private readonly lines: CostLineRepository,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Records a one-off expense or an income. On the unit of work rather than CommandRunner.record: its audit event
   * names the citizen (by pseudonym), which a Recording cannot carry.
   */
  async addEntry(p: Principal, input: OneOffEntryInput, requestId?: string): Promise<string> {
    const id = randomUUID();
    await this.uow.run(async (tx: Tx) => {
      // Read in the request's transaction: a second connection per request would starve the pool under load.
      const placements = await this.intake.placementsInYear(
        Number(input.date.slice(0, 4)),
        { municipalityCode: p.orgCode, referralIds: [input.referralId] },
        tx,
      );
      if (placements.length === 0)
        throw ProblemException.notFound(`placement of referral ${input.referralId}`);
      await this.claims.insertEntry(tx, {
        id,
        municipalityCode: p.orgCode,
        referralId: input.referralId,
        kind: input.kind,
        date: input.date,
        amountOre: input.amount,
        description: input.description,
        createdBy: p.subject,
      });
      await this.audit.record(tx, p, {
        action: 'refusion.entry',
        resource: { type: 'one-off-entry', id },
        citizenPseudonym: placements[0]!.citizenPseudonym,
        purpose: 'financing',
        outcome: 'ALLOWED',
        requestId,
      });
    });
    return id;
  }

  /** The claim's computation input from today's facts: placements, cost lines, entries, the declarations. */
  async input(
    municipalityCode: string,
    body: Pick<ClaimBody, 'year' | 'quarter' | 'households' | 'over67'>,
    ruleSet: RuleSetRow,
    tx?: Tx,
  ): Promise<ClaimInput> {
    const throughMonth = body.quarter * 3;
    // One after another: inside a transaction they share one connection.
    const placements = await this.intake.placementsInYear(body.year, { municipalityCode }, tx);
    const costs = await this.lines.municipalCostByMonth(municipalityCode, body.year, throughMonth, tx);
    const entries = await this.claims.entries(municipalityCode, body.year, tx);
    return {
      throughMonth,
      bands: ruleSet.bands,
      adviceCondition: ruleSet.adviceCondition,
      adviceDeadlineWorkingDays: ruleSet.adviceDeadlineWorkingDays,
      placements,
      costs,
      entries: entries.map((e) => ({
        referralId: e.referralId,
        kind: e.kind,
        month: Number(e.date.slice(5, 7)),
        amountOre: e.amountOre,
      })),
      households: body.households,
      over67: body.over67.flatMap((o): Over67[] => {
        const y = Number(o.birthday67.slice(0, 4));
        if (y > body.year) return [];
        return [
          {
            referralId: o.referralId,
            birthdayMonth: y < body.year ? 0 : Number(o.birthday67.slice(5, 7)),
            coveredBefore: o.coveredBefore,
          },
        ];
      }),
    };
  }

  submit(p: Principal, body: ClaimBody, requestId?: string): Promise<ClaimAggregate> {
    const quarterEnd = `${body.year}-${String(body.quarter * 3).padStart(2, '0')}-${body.quarter === 1 || body.quarter === 4 ? '31' : '30'}`;
    const id = randomUUID();
    return this.runner.record<ClaimAggregate, Tx>({
      principal: p,
      requestId,
      action: 'refusion.claim',
      purpose: 'financing',
      write: async (tx) => {
        const ruleSet = await this.ruleSets.inForce(body.year, quarterEnd, tx);
        if (!ruleSet) throw new NoRuleSetInForce(body.year);
        if (await this.claims.exists(tx, p.orgCode, body.year, body.quarter)) throw new ClaimExists();
        const result = computeClaim(await this.input(p.orgCode, body, ruleSet, tx));
        const previouslyApprovedOre = await this.claims.previouslyApproved(
          tx,
          p.orgCode,
          body.year,
          body.quarter,
        );
        const submittedAt = new Date();
        await this.claims.insertClaim(
          tx,
          {
            id,
            municipalityCode: p.orgCode,
            year: body.year,
            quarter: body.quarter,
            ruleSetId: ruleSet.id,
            status: 'SUBMITTED',
            claimedOre: result.totalOre,
            previouslyApprovedOre,
            households: body.households.map((h) => [...h]),
            over67: body.over67,
            submittedAt,
            submittedBy: p.subject,
          },
          result.lines,
        );
        return {
          saved: (await this.claims.find(id, tx)) as ClaimAggregate,
          resource: { type: 'refusion-claim', id },
          events: [
            event(RefusionClaimed, {
              claimId: id,
              municipalityCode: p.orgCode,
              year: body.year,
              quarter: body.quarter,
              ruleSetId: ruleSet.id,
              lines: result.lines.length,
              eligibleLines: result.lines.filter((l) => l.eligible).length,
              claimedOre: result.totalOre,
              previouslyApprovedOre,
              submittedAt: submittedAt.toISOString(),
            }),
          ],
        };
      },
    });
  }

  /**
   * The claim's cases computed under its own rule set and another, side by side, from today's facts. The caller
   * found the claim through ClaimAccess (who may read it, the denial audited) and audits the citizens shown.
   */
  async whatIf(claim: ClaimAggregate['claim'], otherRuleSetId: string) {
    const [own, other] = await Promise.all([
      this.ruleSets.find(claim.ruleSetId),
      this.ruleSets.find(otherRuleSetId),
    ]);
    if (!other || !own) throw new RuleSetNotFound(otherRuleSetId);
    const declared = {
      year: claim.year,
      quarter: claim.quarter,
      households: claim.households,
      over67: claim.over67,
    };
    const a = await this.input(claim.municipalityCode, declared, own);
    const b = {
      ...a,
      bands: other.bands,
      adviceCondition: other.adviceCondition,
      adviceDeadlineWorkingDays: other.adviceDeadlineWorkingDays,
    };
    return { claim, own, other, comparison: compareClaims(a, b) };
  }

  decide(change: ChangeRequest, body: DecisionBody) {
    return this.runner.run<ClaimAggregate, ReturnType<typeof decideClaim>, ClaimAggregate, Tx>({
      principal: change.principal,
      requestId: change.requestId,
      ifMatch: change.ifMatch,
      resource: { type: 'refusion-claim', id: change.id },
      action: 'refusion.decide',
      purpose: 'financing',
      load: (tx) => this.claims.find(change.id, tx, 'FOR UPDATE'),
      etag: claimEtag,
      transition: (a) => {
        const decided = decideClaim(a.claim.status, a.lines, body.lines, a.claim.previouslyApprovedOre);
        const { claim } = a;
        return {
          change: decided,
          events: [
            event(RefusionDecided, {
              claimId: claim.id,
              municipalityCode: claim.municipalityCode,
              year: claim.year,
              quarter: claim.quarter,
              approvedLines: decided.approved,
              rejectedLines: decided.rejected,
              claimedOre: claim.claimedOre,
              approvedOre: decided.approvedOre,
              settlementOre: decided.settlementOre,
              decidedAt: new Date().toISOString(),
            }),
          ],
        };
      },
      save: async (tx, a, d) => {
        await this.claims.decide(tx, a.claim.id, d.decisions, d.approvedOre, change.principal.subject);
        return (await this.claims.find(a.claim.id, tx)) as ClaimAggregate;
      },
    });
  }
}
