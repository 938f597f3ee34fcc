/**
 * The computation of tools/bench/refusion-year.ts (which runs this file with the services' Node options): a
 * national refusion year with the financing service's own pure functions on generated facts, no I/O, so the
 * number is the computation's, not the database's. It lives in the app because tools may import libs only.
 *
 * Generates one placement per citizen for the whole year across the 98 municipalities (deterministic), a day
 * rate per offer, and a responsibility timeline in which one target group turns REGIONAL on 1 July; per
 * municipality, accrues the monthly cost lines (citizens × 12 = 240 000 in all) and computes its Q4 claim year to
 * date under current law and, for the what-if, under "advice followed". Prints the time of each step, the lines,
 * the totals (which must reconcile: lines add up to the claims) and the peak RSS.
 */
import { MUNICIPALITIES, type ResponsibilityChange } from '@platform/domain';
import { performance } from 'node:perf_hooks';
import { municipalCostByMonth } from '../src/cost/domain/accrual';
import { accruePlacement, planReplacements, type CaseCostLine } from '../src/cost/domain/ledger';
import { BANDS_2022_LEVEL } from '../src/refusion/domain/bands';
import { compareClaims, computeClaim, type ClaimInput } from '../src/refusion/domain/claim-computation';

const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MUNIS = flag('municipalities', 98);
const CITIZENS = flag('citizens', 20_000);
const YEAR = flag('year', 2026);

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const hex = (n: number) => n.toString(16).padStart(64, '0');

const municipalities = MUNICIPALITIES.slice(0, MUNIS).map((m) => m.code);
const GROUPS = ['AUTISM', 'VISION', 'ACQUIRED_BRAIN_INJURY'];
const changes: ResponsibilityChange[] = [
  { targetGroup: 'VISION', responsibility: 'REGIONAL', effectiveFrom: `${YEAR}-07-01` },
];
const offer = { operatorOrgType: 'region', operatorOrgCode: '1082', municipalityCode: '751' };
const placements = Array.from({ length: CITIZENS }, (_, i) => ({
  referralId: `r${i}`,
  municipalityCode: municipalities[i % municipalities.length]!,
  citizenPseudonym: hex(i),
  targetGroup: GROUPS[i % GROUPS.length]!,
  offerId: `o${i % 50}`,
  startDate: `${YEAR - 1}-06-01`,
  endDate: null,
  adviceObtained: random() < 0.8,
  followsAdvice: random() < 0.7,
}));
const rates = Array.from({ length: 50 }, (_, i) => ({
  unit: 'DAY' as const,
  amountOre: 150_000 + i * 15_000,
  knowledgeOverheadOre: 0,
}));

const baselineMb = process.memoryUsage().rss / 1024 / 1024;
const byMunicipality = new Map<string, typeof placements>();
for (const p of placements) {
  const own = byMunicipality.get(p.municipalityCode) ?? [];
  own.push(p);
  byMunicipality.set(p.municipalityCode, own);
}

// A claim is per municipality, so the lines are accrued and claimed one municipality at a time (as the service
// does for one caller); the nation's 240 000 lines never need to be in memory together. The accrual is the
// ledger's (accruePlacement, as an event or the monthly job writes the stored lines), and the ledger's check that
// a redelivered fact changes nothing (planReplacements against what is stored) is timed beside it.
let lineCount = 0;
let accrualMs = 0;
let ledgerCheckMs = 0;
let unchanged = true;
let claimed = 0;
let proposal = 0;
let lineSum = 0;
const t0 = performance.now();
for (const [code, own] of byMunicipality) {
  const a = performance.now();
  const lines: CaseCostLine[] = [];
  for (const p of own)
    lines.push(...accruePlacement(p, offer, new Map([[YEAR, rates[Number(p.offerId.slice(1))]!]]), changes));
  lineCount += lines.length;
  accrualMs += performance.now() - a;
  const c = performance.now();
  unchanged &&=
    planReplacements(
      lines.map((l) => ({ ...l, version: 1 })),
      lines,
    ).length === 0;
  ledgerCheckMs += performance.now() - c;
  const input: ClaimInput = {
    throughMonth: 12,
    bands: BANDS_2022_LEVEL,
    adviceCondition: 'NONE',
    placements: own,
    costs: municipalCostByMonth(lines, code),
    entries: [],
    households: [],
  };
  const claim = computeClaim(input);
  claimed += claim.totalOre;
  lineSum += claim.lines.reduce((x, l) => x + l.refusionOre, 0);
  proposal += compareClaims(input, { ...input, adviceCondition: 'ADVICE_FOLLOWED' }).totalB;
}
const total = performance.now() - t0;

const kr = (ore: number) => (ore / 100).toLocaleString('da-DK', { maximumFractionDigits: 0 });
console.log(`municipalities ${byMunicipality.size}, citizens ${CITIZENS}, monthly cost lines ${lineCount}`);
console.log(
  `accrual ${accrualMs.toFixed(0)} ms, ledger re-delivery check ${ledgerCheckMs.toFixed(0)} ms (changes nothing: ${unchanged}), ` +
    `claims + what-if ${(total - accrualMs - ledgerCheckMs).toFixed(0)} ms, total ${total.toFixed(0)} ms`,
);
console.log(
  `refusion under current law ${kr(claimed)} kr, under "advice followed" ${kr(proposal)} kr; lines reconcile: ${lineSum === claimed}`,
);
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (RSS before the work ${baselineMb.toFixed(0)} MB)`,
);
