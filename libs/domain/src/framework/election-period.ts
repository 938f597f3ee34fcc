import { ValidationFailed } from '../errors/domain-error';
import { assertIsoDate, type IsoDate } from '../time/calendar-date';

/**
 * Valgperiode: the four-year term of the municipal and regional councils, from 1 January after the ordinary
 * election in November (third Tuesday) to 31 December four years later: 2022-2025, 2026-2029, 2030-2033. A
 * social and special-education agreement (rule 10) is made once per period between a region and each of its
 * municipal councils. The first period of today's 98 municipalities and 5 regions is 2006-2009 (elected in
 * November 2005 for the structural reform); earlier terms belong to the counties and are not periods here.
 */
export interface ElectionPeriod {
  /** `2026-2029`: first and last year. */
  code: string;
  /** The year of the November election that opened it. */
  electionYear: number;
  /** 1 January of the first year (inclusive). */
  validFrom: IsoDate;
  /** 1 January after the last year (exclusive), so periods chain like every other validity here. */
  validTo: IsoDate;
  /** 31 December of the last year: the period's last day. */
  lastDay: IsoDate;
}

/** The first year of the first period we know (2006-2009). */
export const FIRST_ELECTION_PERIOD_YEAR = 2006;
/** Periods beyond this are not plausible input; the bound keeps a typo from becoming a stored agreement. */
export const LAST_ELECTION_PERIOD_YEAR = 2098;
const TERM_YEARS = 4;

export class InvalidElectionPeriodError extends ValidationFailed {
  constructor(pointer?: string) {
    super(
      'ELECTION_PERIOD_INVALID',
      `must be a municipal election period YYYY-YYYY of four years starting 1 January after an election ` +
        `(e.g. 2022-2025, 2026-2029), from ${FIRST_ELECTION_PERIOD_YEAR} on`,
      pointer ? [pointer] : [],
    );
  }
}

function periodStarting(firstYear: number): ElectionPeriod {
  const lastYear = firstYear + TERM_YEARS - 1;
  return {
    code: `${firstYear}-${lastYear}`,
    electionYear: firstYear - 1,
    validFrom: `${firstYear}-01-01`,
    validTo: `${lastYear + 1}-01-01`,
    lastDay: `${lastYear}-12-31`,
  };
}

function isFirstYear(year: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= FIRST_ELECTION_PERIOD_YEAR &&
    year <= LAST_ELECTION_PERIOD_YEAR &&
    (year - FIRST_ELECTION_PERIOD_YEAR) % TERM_YEARS === 0
  );
}

/** The period a date lies in: 2026-06-01 → 2026-2029. Throws for a date before the first period. */
export function electionPeriodOn(date: IsoDate): ElectionPeriod {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  if (year < FIRST_ELECTION_PERIOD_YEAR) throw new InvalidElectionPeriodError();
  const firstYear = year - ((year - FIRST_ELECTION_PERIOD_YEAR) % TERM_YEARS);
  if (!isFirstYear(firstYear)) throw new InvalidElectionPeriodError();
  return periodStarting(firstYear);
}

/** The period named `2026-2029`; undefined for anything else (`2025-2028`, `2026-2030`, `2026`). */
export function findElectionPeriod(code: unknown): ElectionPeriod | undefined {
  if (typeof code !== 'string') return undefined;
  const match = /^(\d{4})-(\d{4})$/.exec(code.trim());
  if (!match) return undefined;
  const [first, last] = [Number(match[1]), Number(match[2])];
  return isFirstYear(first) && last === first + TERM_YEARS - 1 ? periodStarting(first) : undefined;
}

/** The ordinary municipal election: the third Tuesday of November of the year (kommunalvalg). */
export function municipalElectionDate(year: number): IsoDate {
  const firstOfNovember = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstTuesday = 1 + ((2 - firstOfNovember + 7) % 7);
  return `${year}-11-${String(firstTuesday + 14).padStart(2, '0')}`;
}
