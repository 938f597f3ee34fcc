import { assertIsoDate, type IsoDate } from '../time/calendar-date';

/**
 * Who is responsible for the highly specialised placements of a target group (DOMAIN rule 2): the
 * municipality (kommunalt ansvar; it pays the rate and may claim refusion) or the region (regionalt ansvar;
 * block grant plus municipal co-financing). It rolls out per target group from an effective date, so it is
 * always asked for "on a date", never stored on the target group.
 */
export const RESPONSIBILITIES = ['MUNICIPAL', 'REGIONAL'] as const;

export type Responsibility = (typeof RESPONSIBILITIES)[number];

export function isResponsibility(value: unknown): value is Responsibility {
  return typeof value === 'string' && (RESPONSIBILITIES as readonly string[]).includes(value);
}

/** A change of responsibility for one target group, effective from a date (inclusive). */
export interface ResponsibilityChange {
  targetGroup: string;
  responsibility: Responsibility;
  effectiveFrom: IsoDate;
}

/**
 * The responsibility of a target group on a date: the latest change effective on or before it, MUNICIPAL when
 * there is none (regional responsibility is rolled out group by group; municipal is where every group starts).
 * Of two changes with the same effective date, the later one in the list wins (a correction).
 */
export function responsibilityOn(
  changes: readonly ResponsibilityChange[],
  targetGroup: string,
  date: IsoDate,
): Responsibility {
  assertIsoDate(date);
  let current: ResponsibilityChange | undefined;
  for (const change of changes) {
    if (change.targetGroup !== targetGroup) continue;
    assertIsoDate(change.effectiveFrom, 'effectiveFrom');
    if (change.effectiveFrom > date) continue;
    if (!current || change.effectiveFrom >= current.effectiveFrom) current = change;
  }
  return current?.responsibility ?? 'MUNICIPAL';
}
