import {
  addDays,
  findElectionPeriod,
  findMunicipality,
  InvalidElectionPeriodError,
  municipalitiesOfFrameworkAreaDuring,
  ValidationFailed,
  type ElectionPeriod,
  type FrameworkArea,
} from '@platform/domain';

/**
 * Who an agreement is between (rule 10): the region of the framework-agreement area and one municipal council of
 * the area, for one election period. The period must overlap the area's validity (an area of Hovedstaden has
 * agreements up to 2026, Østdanmark's from 2027: the period 2026-2029 can have both, each with its own region),
 * and the municipality must belong to the area during that overlap.
 */
export function agreementParties(area: FrameworkArea, municipalityCode: string, electionPeriod: string) {
  const period = findElectionPeriod(electionPeriod);
  if (!period) throw new InvalidElectionPeriodError('/electionPeriod');
  const overlap = overlapOf(area, period);
  if (!overlap) throw new PeriodOutsideAreaError(area, period);
  const municipality = findMunicipality(municipalityCode);
  if (!municipality) throw new AgreementPartyError('no municipality has this code');
  const members = municipalitiesOfFrameworkAreaDuring(area.code, overlap.from, overlap.to);
  if (!members.some((m) => m.code === municipality.code)) {
    throw new AgreementPartyError(
      `municipality ${municipality.code} (${municipality.name}) is not in framework area ${area.code} ` +
        `between ${overlap.from} and ${overlap.to}`,
    );
  }
  return { period, municipality };
}

/** The days [from, to] (inclusive) that the area exists within the period, or undefined when none. */
export function overlapOf(area: FrameworkArea, period: ElectionPeriod) {
  const from = area.validFrom > period.validFrom ? area.validFrom : period.validFrom;
  const areaLastDay = area.validTo ? addDays(area.validTo, -1) : undefined;
  const to = areaLastDay && areaLastDay < period.lastDay ? areaLastDay : period.lastDay;
  return from <= to ? { from, to } : undefined;
}

export class AgreementPartyError extends ValidationFailed {
  constructor(message: string) {
    super('AGREEMENT_PARTY_INVALID', message, ['/municipalityCode']);
  }
}

export class PeriodOutsideAreaError extends ValidationFailed {
  constructor(area: FrameworkArea, period: ElectionPeriod) {
    super(
      'ELECTION_PERIOD_OUTSIDE_AREA',
      `framework area ${area.code} does not exist in the election period ${period.code} ` +
        `(it is valid from ${area.validFrom}${area.validTo ? ` until ${area.validTo}` : ''})`,
      ['/electionPeriod'],
    );
  }
}
