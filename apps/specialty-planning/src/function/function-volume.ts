import { Injectable } from '@nestjs/common';
import { todayInDenmark } from '@platform/domain';
import { dayOf } from '@platform/persistence';
import { ActivityRepository } from '../activity/activity.repository';
import { isBelowMinimum, judgedYear } from './domain/volume-flag';
import type { FunctionRow } from './function.repository';

/** A function's volume of citizens (this year so far, and the judged previous year) and its flag. */
export interface FunctionVolume {
  volumeYear: number;
  actualYearlyVolume: number;
  previousYearVolume: number;
  belowMinimum: boolean;
}

/**
 * Counts a function's volume from the activity read model (referral and advice events): a special function
 * counts the citizens whose placement at its offer started in the year; an advisory function the referrals of
 * its target group its operator gave advice on. The flag is volume-flag.ts's rule on the previous year.
 */
@Injectable()
export class FunctionVolumes {
  constructor(private readonly activity: ActivityRepository) {}

  async of(row: FunctionRow, today = todayInDenmark()): Promise<FunctionVolume> {
    const judged = judgedYear(today);
    const [actualYearlyVolume, previousYearVolume] = await Promise.all([
      this.count(row, judged + 1),
      this.count(row, judged),
    ]);
    const validity = { validFrom: dayOf(row.validFrom), validTo: dayOf(row.validTo) };
    return {
      volumeYear: judged + 1,
      actualYearlyVolume,
      previousYearVolume,
      belowMinimum: isBelowMinimum({
        minimumYearlyVolume: row.minimumYearlyVolume,
        validity,
        year: judged,
        volume: previousYearVolume,
      }),
    };
  }

  private count(row: FunctionRow, year: number): Promise<number> {
    return row.functionType === 'SPECIAL_FUNCTION'
      ? this.activity.placementsStarted(row.offerId, year)
      : this.activity.adviceCount(row.operatorOrgCode, row.targetGroup, year);
  }
}
