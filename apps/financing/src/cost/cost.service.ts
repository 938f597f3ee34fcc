import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/prisma.service';
import { IntakeRepository, type PlacementRow } from '../intake/intake.repository';
import { RateRepository } from '../rate/rate.repository';
import { accrueYear, type CostLine } from './domain/accrual';

export interface Accrual {
  lines: CostLine[];
  /** Placements whose offer has no rate for the year (no lines until the operator sets one). */
  missingRates: { offerId: string; referralIds: string[] }[];
  placements: PlacementRow[];
}

/**
 * Cost lines are derived, never stored: placements (from the referral events) × the year's rate × days in the
 * month, attributed by responsibility on each day. The same facts always give the same lines, so a claim, a
 * report and the bench agree.
 */
@Injectable()
export class CostService {
  constructor(
    private readonly intake: IntakeRepository,
    private readonly rates: RateRepository,
  ) {}

  async accrue(
    year: number,
    throughMonth: number,
    filter: { municipalityCode?: string; referralIds?: string[] },
    tx?: Tx,
  ): Promise<Accrual> {
    const placements = await this.intake.placementsInYear(year, filter, tx);
    const offerIds = placements.map((p) => p.offerId);
    // One after another: inside a transaction the three share one connection.
    const offers = await this.intake.offers(offerIds, tx);
    const rates = await this.rates.forYear(year, offerIds, tx);
    const changes = await this.intake.responsibilityChanges(tx);
    const lines: CostLine[] = [];
    const missing = new Map<string, string[]>();
    for (const p of placements) {
      const rate = rates.get(p.offerId);
      const offer = offers.get(p.offerId);
      if (!rate || !offer) {
        missing.set(p.offerId, [...(missing.get(p.offerId) ?? []), p.referralId]);
        continue;
      }
      lines.push(...accrueYear(p, offer, rate, changes, year, throughMonth));
    }
    return {
      lines,
      missingRates: [...missing].map(([offerId, referralIds]) => ({ offerId, referralIds })),
      placements,
    };
  }
}
