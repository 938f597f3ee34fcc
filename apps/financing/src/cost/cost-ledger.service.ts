import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/prisma.service';
import { IntakeRepository } from '../intake/intake.repository';
import { RateRepository } from '../rate/rate.repository';
import { CostLineRepository } from './cost-line.repository';
import { accruePlacement, planReplacements, type CaseCostLine, type MonthWindow } from './domain/ledger';

/** Which placements a fact touches. */
export type LedgerScope =
  | { referralIds: readonly string[] }
  | { offerId: string }
  | { targetGroup: string }
  /** Placements that run in the month (YYYY-MM): the accrual job's. */
  | { runningIn: string }
  /** Every placement: the job's first run fills the ledger with what was placed before it existed. */
  | { all: true };

function scopeSql(scope: LedgerScope): { where: string; values: unknown[] } {
  if ('referralIds' in scope) return { where: 'referral_id = ANY($1::uuid[])', values: [scope.referralIds] };
  if ('offerId' in scope) return { where: 'offer_id = $1::uuid', values: [scope.offerId] };
  if ('targetGroup' in scope) return { where: 'target_group = $1', values: [scope.targetGroup] };
  if ('all' in scope) return { where: 'true', values: [] };
  return {
    where: `start_date <= (to_date($1, 'YYYY-MM') + interval '1 month' - interval '1 day')::date
            AND (end_date IS NULL OR end_date >= to_date($1, 'YYYY-MM'))`,
    values: [scope.runningIn],
  };
}

/**
 * The cost ledger: accrues stored cost lines from the facts (placements, responsibility, offers, rates) in the
 * transaction that brings a new fact, so the lines change with the fact or not at all. The arithmetic is the
 * pure accrual's (domain/accrual, domain/ledger); this loads the facts, locks the placements and writes only
 * the months that differ. Each line carries its placement's correlation id (the case's, stored from the placement
 * event), not the id of the fact that re-accrued it: a rate set through the API or the monthly job changes the
 * amounts of a case, not which case it is.
 */
@Injectable()
export class CostLedger {
  constructor(
    private readonly intake: IntakeRepository,
    private readonly rates: RateRepository,
    private readonly lines: CostLineRepository,
  ) {}

  /**
   * Re-accrues the placements of a scope within a window: how many placements, and how many months replaced. The placements are
   * locked first, so two facts about one placement (from two topics) accrue one after the other. `skipLocked`
   * (the job) leaves placements another transaction is accruing right now to it.
   */
  async reaccrue(
    tx: Tx,
    scope: LedgerScope,
    window: MonthWindow = {},
    options: { skipLocked?: boolean } = {},
  ): Promise<{ placements: number; months: number }> {
    const { where, values } = scopeSql(scope);
    await this.lockOffers(tx, scope, where, values);
    const { rows } = await tx.query<{ referralId: string }>({
      text: `SELECT referral_id AS "referralId" FROM placement WHERE ${where} ORDER BY referral_id
             FOR UPDATE${options.skipLocked ? ' SKIP LOCKED' : ''}`,
      values,
    });
    const ids = rows.map((r) => r.referralId);
    if (ids.length === 0) return { placements: 0, months: 0 };
    const placements = await this.intake.placements(ids, tx);
    const offerIds = placements.map((p) => p.offerId);
    const offers = await this.intake.offers(offerIds, tx);
    const rates = await this.rates.byOffer(offerIds, tx);
    const changes = await this.intake.responsibilityChanges(tx);
    const fresh: CaseCostLine[] = [];
    for (const p of placements) {
      const offer = offers.get(p.offerId);
      if (offer) fresh.push(...accruePlacement(p, offer, rates.get(p.offerId) ?? new Map(), changes, window));
    }
    const stored = await this.lines.find(
      { from: window.from ?? '0000-01', to: window.to ?? '9999-12', referralIds: ids },
      tx,
    );
    const replacements = planReplacements(stored, fresh);
    await this.lines.replace(tx, replacements);
    return { placements: ids.length, months: replacements.length };
  }

  /**
   * Facts about one offer arrive in separate transactions (a rate through the API, a placement from Kafka). Under
   * READ COMMITTED each would miss the other's uncommitted row and neither would accrue the line. A transaction
   * lock per offer orders them: whoever comes second reads after the first committed. Taken in id order, before
   * any row lock, so two accruals cannot wait on each other.
   */
  private async lockOffers(tx: Tx, scope: LedgerScope, where: string, values: unknown[]): Promise<void> {
    // An offer's own fact locks the offer even before any placement of it is visible: that is the race.
    const offerIds =
      'offerId' in scope
        ? [scope.offerId]
        : (
            await tx.query<{ offerId: string }>({
              text: `SELECT DISTINCT offer_id AS "offerId" FROM placement WHERE ${where} ORDER BY 1`,
              values,
            })
          ).rows.map((r) => r.offerId);
    for (const offerId of offerIds) {
      await tx.query({ text: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', values: [offerId] });
    }
  }
}
