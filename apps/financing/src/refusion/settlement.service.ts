import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { RefusionSettled } from '@platform/contracts';
import { StateConflict, todayInDenmark } from '@platform/domain';
import { CommandRunner } from '@platform/kit';
import { event } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { RuleSetRepository } from '../rule-set/rule-set.repository';
import { computeClaim } from './domain/claim-computation';
import { checkSettleable, settleYear } from './domain/settlement';
import { RefusionRepository } from './refusion.repository';
import { RefusionService } from './refusion.service';
import { SettlementRepository, type SettlementRow } from './settlement.repository';

class SettlementExists extends StateConflict {
  constructor(municipalityCode: string, year: number) {
    super('SETTLEMENT_EXISTS', `the ${year} refusion of ${municipalityCode} is settled already`, {
      municipalityCode,
      year,
    });
  }
}
class NoRuleSetForYear extends StateConflict {
  constructor(year: number) {
    super('NO_RULE_SET', `no rule set is in force on 31 December ${year}`, { year });
  }
}

/**
 * The year-end settlement (restafregning) of a municipality's refusion, commanded by the state: the final claim
 * over the whole year (today's cost lines and entries, the latest claim's declarations, under the rule set in
 * force on 31 December) against what the decided quarters paid. Stored once per municipality and year, and
 * announced on the funding stream as totals.
 */
@Injectable()
export class SettlementService {
  constructor(
    private readonly runner: CommandRunner,
    private readonly refusion: RefusionService,
    private readonly claims: RefusionRepository,
    private readonly ruleSets: RuleSetRepository,
    private readonly settlements: SettlementRepository,
  ) {}

  settle(
    p: Principal,
    body: { municipalityCode: string; year: number },
    requestId?: string,
  ): Promise<SettlementRow> {
    const { municipalityCode, year } = body;
    return this.runner.record<SettlementRow, Tx>({
      principal: p,
      requestId,
      action: 'refusion.settle',
      purpose: 'financing',
      write: async (tx) => {
        if (await this.settlements.taken(tx, municipalityCode, year))
          throw new SettlementExists(municipalityCode, year);
        const claims = await this.claims.ofYear(tx, municipalityCode, year);
        checkSettleable(year, claims, todayInDenmark());
        const ruleSet = await this.ruleSets.inForce(year, `${year}-12-31`, tx);
        if (!ruleSet) throw new NoRuleSetForYear(year);
        const latest = claims[claims.length - 1];
        const declared = {
          year,
          quarter: 4,
          households: latest?.households ?? [],
          over67: latest?.over67 ?? [],
        };
        const final = computeClaim(await this.refusion.input(municipalityCode, declared, ruleSet, tx));
        const rejected = latest ? await this.claims.rejectedReferrals(tx, latest.id) : [];
        const settlement = settleYear(final.lines, new Set(rejected), claims);
        const id = randomUUID();
        const settledAt = new Date();
        const row = {
          id,
          municipalityCode,
          year,
          ruleSetId: ruleSet.id,
          basedOnClaimId: latest?.id ?? null,
          ...settlement,
        };
        await this.settlements.insert(tx, { ...row, settledBy: p.subject, settledAt });
        return {
          saved: { ...row, settledAt },
          resource: { type: 'refusion-settlement', id },
          events: [
            event(RefusionSettled, {
              settlementId: id,
              municipalityCode,
              year,
              ruleSetId: ruleSet.id,
              ...settlement,
              settledAt: settledAt.toISOString(),
            }),
          ],
        };
      },
    });
  }
}
