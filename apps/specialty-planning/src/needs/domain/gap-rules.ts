import type { GAP_KINDS } from '@platform/contracts';

export type GapKind = (typeof GAP_KINDS)[number];

/** What the area's municipalities asked for in the period, for one target group (from the activity read model). */
export interface TargetGroupDemand {
  targetGroup: string;
  referrals: number;
  /** Referred and not yet placed (nor withdrawn) at the end of the period. */
  waiting: number;
  /** Referrals an offer turned away because it was full (NO_CAPACITY). */
  capacityRejections: number;
  /** Decisions at a lower level than advised (rule 4). */
  deviationsToLowerLevel: number;
  /** Average days from referral to placement start, for placements that started in the period; null if none. */
  averageDaysToPlacement: number | null;
}

/** The places of the area's active offers for the target group, and how many are taken now. */
export interface TargetGroupSupply {
  places: number;
  occupied: number;
}

export interface NeedsLine extends TargetGroupDemand, TargetGroupSupply {
  freePlaces: number;
  /** Empty: no gap. */
  gapKinds: GapKind[];
}

/**
 * The gaps of one target group (behovsanalyse, rule 10), each a rule of its own so a planner can see why:
 * - CAPACITY_REJECTIONS: an offer in the area turned a referral away because it was full — the sharpest sign
 *   that places are missing;
 * - WAITING: more citizens wait for a place than there are free places now;
 * - DEVIATION_TO_LOWER_LEVEL: citizens were placed at a lower level than the specialist advice said — the
 *   right level was not at hand;
 * - NO_PLACES: there is demand (referrals in the period or citizens waiting) and the area has no place at all.
 * They are independent: a group with waiting citizens and no places has both WAITING and NO_PLACES.
 */
export function gapKindsOf(demand: TargetGroupDemand, supply: TargetGroupSupply): GapKind[] {
  const free = freePlacesOf(supply);
  const kinds: GapKind[] = [];
  if (demand.capacityRejections > 0) kinds.push('CAPACITY_REJECTIONS');
  if (demand.waiting > free) kinds.push('WAITING');
  if (demand.deviationsToLowerLevel > 0) kinds.push('DEVIATION_TO_LOWER_LEVEL');
  if (supply.places === 0 && (demand.referrals > 0 || demand.waiting > 0)) kinds.push('NO_PLACES');
  return kinds;
}

/** Free places now; never negative (an offer can be over-full while a placement ends). */
export function freePlacesOf(supply: TargetGroupSupply): number {
  return Math.max(supply.places - supply.occupied, 0);
}

const NO_DEMAND = {
  referrals: 0,
  waiting: 0,
  capacityRejections: 0,
  deviationsToLowerLevel: 0,
  averageDaysToPlacement: null,
};

/** One line per target group asked about, demand against supply, with its gaps; absent data counts as zero. */
export function needsLines(
  targetGroups: readonly string[],
  demand: readonly TargetGroupDemand[],
  supply: ReadonlyMap<string, TargetGroupSupply>,
): NeedsLine[] {
  const demandOf = new Map(demand.map((d) => [d.targetGroup, d]));
  return targetGroups.map((targetGroup) => {
    const d = { ...NO_DEMAND, ...demandOf.get(targetGroup), targetGroup };
    const s = supply.get(targetGroup) ?? { places: 0, occupied: 0 };
    return { ...d, ...s, freePlaces: freePlacesOf(s), gapKinds: gapKindsOf(d, s) };
  });
}
