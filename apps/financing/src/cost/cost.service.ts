import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/prisma.service';
import { IntakeRepository } from '../intake/intake.repository';
import { RateRepository } from '../rate/rate.repository';
import { CostLineRepository, type CostLineFilter } from './cost-line.repository';
import type { StoredCostLine } from './domain/ledger';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads of the stored cost lines (the ledger writes them, CostLedger): a year's months 1..n, narrowed by the
 * caller's scope, and the placements that make no lines for want of a rate.
 */
@Injectable()
export class CostService {
  constructor(
    private readonly intake: IntakeRepository,
    private readonly rates: RateRepository,
    private readonly lines: CostLineRepository,
  ) {}

  /** The stored lines of a year's months 1..throughMonth within a filter. */
  inYear(
    year: number,
    throughMonth: number,
    filter: Omit<CostLineFilter, 'from' | 'to'>,
    tx?: Tx,
  ): Promise<StoredCostLine[]> {
    return this.lines.find({ ...filter, from: `${year}-01`, to: `${year}-${pad(throughMonth)}` }, tx);
  }

  /** Placements of a municipality in a year whose offer has no rate for the year (no lines until one is set). */
  async missingRates(
    year: number,
    municipalityCode: string,
  ): Promise<{ offerId: string; referralIds: string[] }[]> {
    const placements = await this.intake.placementsInYear(year, { municipalityCode });
    const rates = await this.rates.forYear(
      year,
      placements.map((p) => p.offerId),
    );
    const missing = new Map<string, string[]>();
    for (const p of placements)
      if (!rates.has(p.offerId)) missing.set(p.offerId, [...(missing.get(p.offerId) ?? []), p.referralId]);
    return [...missing].map(([offerId, referralIds]) => ({ offerId, referralIds }));
  }
}
