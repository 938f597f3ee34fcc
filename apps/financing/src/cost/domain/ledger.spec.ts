import type { ResponsibilityChange } from '@platform/domain';
import type { OfferFacts, PlacementFacts, RateFacts } from './accrual';
import { accruePlacement, onePerPayer, planReplacements, type StoredCostLine } from './ledger';

const placement: PlacementFacts = {
  referralId: 'r1',
  municipalityCode: '101',
  citizenPseudonym: 'a'.repeat(64),
  targetGroup: 'VISION',
  offerId: 'o1',
  startDate: '2026-11-10',
  endDate: null,
};
const offer: OfferFacts = { operatorOrgType: 'region', operatorOrgCode: '1084', municipalityCode: '157' };
const day: RateFacts = { unit: 'DAY', amountOre: 450_000, knowledgeOverheadOre: 0 };
const rates = new Map([[2026, day]]);
const stored = (version: number, lines = accruePlacement(placement, offer, rates, [])): StoredCostLine[] =>
  lines.map((l) => ({ ...l, version }));

describe('the cost ledger', () => {
  it('accrues every month of the years with a rate, from the start day, and none of a year without one', () => {
    const lines = accruePlacement(placement, offer, rates, []);
    expect(lines.map((l) => [l.month, l.days])).toEqual([
      ['2026-11', 21],
      ['2026-12', 31],
    ]);
    expect(
      accruePlacement(placement, offer, new Map([...rates, [2027, day]]), []).filter((l) =>
        l.month.startsWith('2027'),
      ),
    ).toHaveLength(12);
  });

  it('keeps to the window: the accrual job accrues the month just begun only', () => {
    const lines = accruePlacement(placement, offer, rates, [], { from: '2026-12', to: '2026-12' });
    expect(lines.map((l) => l.month)).toEqual(['2026-12']);
  });

  it('makes one line per payer and month: a payer that returns within the month is summed', () => {
    const changes: ResponsibilityChange[] = [
      { targetGroup: 'VISION', responsibility: 'REGIONAL', effectiveFrom: '2026-12-10' },
      { targetGroup: 'VISION', responsibility: 'MUNICIPAL', effectiveFrom: '2026-12-20' },
    ];
    const december = accruePlacement(placement, offer, rates, changes, { from: '2026-12' });
    expect(december.map((l) => [l.payer.code, l.days, l.firstDay, l.lastDay])).toEqual([
      ['101', 21, '2026-12-01', '2026-12-31'],
      ['1084', 10, '2026-12-10', '2026-12-19'],
    ]);
    expect(december.reduce((a, l) => a + l.amountOre, 0)).toBe(31 * 450_000);
    expect(onePerPayer(december)).toHaveLength(2);
  });

  it('changes nothing when the same facts arrive again (a redelivered event, a second job run)', () => {
    expect(planReplacements(stored(1), accruePlacement(placement, offer, rates, []))).toEqual([]);
  });

  it('replaces a month a later fact changes, with the next version, and leaves the other months', () => {
    const ended = accruePlacement({ ...placement, endDate: '2026-12-05' }, offer, rates, []);
    const plan = planReplacements(stored(3), ended);
    expect(plan).toEqual([
      expect.objectContaining({
        month: '2026-12',
        version: 4,
        lines: [expect.objectContaining({ days: 5 })],
      }),
    ]);
  });

  it('empties a month that costs nothing any more, and starts a month new to the ledger at version 1', () => {
    const later = accruePlacement({ ...placement, startDate: '2026-12-01' }, offer, rates, []);
    expect(planReplacements(stored(1), later).map((r) => [r.month, r.version, r.lines.length])).toEqual([
      ['2026-11', 2, 0],
    ]);
    const nextYear = accruePlacement(placement, offer, new Map([...rates, [2027, day]]), []);
    const plan = planReplacements(stored(1), nextYear);
    expect(plan).toHaveLength(12);
    expect(plan.every((r) => r.month.startsWith('2027') && r.version === 1)).toBe(true);
  });

  it('moves a month to another payer as one replacement of the month', () => {
    const regional = accruePlacement(placement, offer, rates, [
      { targetGroup: 'VISION', responsibility: 'REGIONAL', effectiveFrom: '2026-01-01' },
    ]);
    const plan = planReplacements(stored(1), regional);
    expect(plan.map((r) => [r.month, r.version, r.lines.map((l) => l.payer.code)])).toEqual([
      ['2026-11', 2, ['1084']],
      ['2026-12', 2, ['1084']],
    ]);
  });

  describe("a case's correlation id", () => {
    const ofCase = { ...placement, correlationId: 'case-R' };

    it("is on every line of the placement: the case's, from the placement event", () => {
      const lines = accruePlacement(ofCase, offer, rates, []);
      expect(lines.map((l) => l.correlationId)).toEqual(['case-R', 'case-R']);
      expect(accruePlacement(placement, offer, rates, []).map((l) => l.correlationId)).toEqual([null, null]);
    });

    it('stays on the next version of a month a later fact changes (a rate, an end, the job)', () => {
      const ended = accruePlacement({ ...ofCase, endDate: '2026-12-05' }, offer, rates, []);
      const [replacement] = planReplacements(stored(3, accruePlacement(ofCase, offer, rates, [])), ended);
      expect(replacement!.version).toBe(4);
      expect(replacement!.lines.map((l) => l.correlationId)).toEqual(['case-R']);
    });

    it('alone makes no new version: it names the case, it is not a cost fact', () => {
      expect(planReplacements(stored(1), accruePlacement(ofCase, offer, rates, []))).toEqual([]);
    });
  });
});
