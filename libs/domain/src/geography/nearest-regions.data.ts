/**
 * Which region is nearest to which (nærmeste region), for work that goes to another region when a region has no
 * one to do it, e.g. an advice case whose target group has no advisory function in the citizen's region. Data,
 * not code: one row per region and period [validFrom, validTo), as the regions themselves (regions.data.ts).
 *
 * The order is by road distance between the regions' seats (Aalborg, Viborg, Vejle, Hillerød, Sorø; Østdanmark
 * from Hovedstaden and Sjælland's), and lists every other region that exists in the period, nearest first.
 * Bornholm belongs to Hovedstaden (Østdanmark from 2027) and follows its region here.
 */
export interface NearestRegions {
  regionCode: string;
  validFrom: string;
  validTo?: string;
  /** The other regions of the period, nearest first. */
  nearest: readonly string[];
}

const BEFORE_MERGER = { validFrom: '2007-01-01', validTo: '2027-01-01' };
const AFTER_MERGER = { validFrom: '2027-01-01' };

export const NEAREST_REGIONS: readonly NearestRegions[] = Object.freeze(
  [
    { regionCode: '1081', ...BEFORE_MERGER, nearest: ['1082', '1083', '1085', '1084'] },
    { regionCode: '1082', ...BEFORE_MERGER, nearest: ['1081', '1083', '1085', '1084'] },
    { regionCode: '1083', ...BEFORE_MERGER, nearest: ['1082', '1085', '1081', '1084'] },
    { regionCode: '1084', ...BEFORE_MERGER, nearest: ['1085', '1083', '1082', '1081'] },
    { regionCode: '1085', ...BEFORE_MERGER, nearest: ['1084', '1083', '1082', '1081'] },
    // Østdanmark (1086, provisional code: see regions.data.ts) replaces Hovedstaden and Sjælland.
    { regionCode: '1081', ...AFTER_MERGER, nearest: ['1082', '1083', '1086'] },
    { regionCode: '1082', ...AFTER_MERGER, nearest: ['1081', '1083', '1086'] },
    { regionCode: '1083', ...AFTER_MERGER, nearest: ['1082', '1086', '1081'] },
    { regionCode: '1086', ...AFTER_MERGER, nearest: ['1083', '1082', '1081'] },
  ].map((row) => Object.freeze({ ...row, nearest: Object.freeze(row.nearest) })),
);
