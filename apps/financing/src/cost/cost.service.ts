import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { ProblemException } from '@platform/http';
import { CitizenReads } from '../common/citizen-reads';
import type { Tx } from '../database/prisma.service';
import { IntakeRepository } from '../intake/intake.repository';
import { RateRepository } from '../rate/rate.repository';
import { CostLineRepository, type CostLineFilter } from './cost-line.repository';
import type { StoredCostLine } from './domain/ledger';

const pad = (n: number) => String(n).padStart(2, '0');

/** What a caller asks of the cost lines (GET /cost-lines). */
export interface CostLineQuery {
  year: number;
  throughMonth: number;
  referralId?: string;
  citizenPseudonym?: string;
}

const LIST_ACTION = 'cost-line.list';

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
    private readonly audit: AuditTrail,
    private readonly reads: CitizenReads,
  ) {}

  /**
   * The caller's stored lines of a year: a municipality those of its own referrals, a region those it pays. Each
   * line is a citizen's, so every citizen shown is an audited read (one per pseudonym, a region's too, although
   * it sees referral ids only). Only the referring municipality may look a citizen up by pseudonym: a region's
   * attempt is refused (403) and audited as denied, naming the citizen it tried.
   */
  async read(p: Principal, q: CostLineQuery, requestId?: string): Promise<StoredCostLine[]> {
    const municipal = p.orgType === 'municipality';
    if (!municipal && q.citizenPseudonym) {
      await this.audit.recordNow(p, {
        action: LIST_ACTION,
        resource: { type: 'cost-lines', id: String(q.year) },
        citizenPseudonym: q.citizenPseudonym,
        purpose: 'access',
        outcome: 'DENIED',
        requestId,
      });
      throw ProblemException.forbidden('only the referring municipality may look up a citizen pseudonym');
    }
    const lines = await this.inYear(q.year, q.throughMonth, {
      ...(municipal
        ? { municipalityCode: p.orgCode }
        : { payer: { type: 'region' as const, code: p.orgCode } }),
      ...(q.referralId ? { referralIds: [q.referralId] } : {}),
      ...(q.citizenPseudonym ? { citizenPseudonym: q.citizenPseudonym } : {}),
    });
    await this.reads.shown(
      p,
      LIST_ACTION,
      { type: 'cost-lines', id: String(q.year) },
      lines.map((l) => l.citizenPseudonym),
      requestId,
    );
    return lines;
  }

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
