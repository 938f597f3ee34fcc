import { gapKindsOf, needsLines, type TargetGroupDemand } from './gap-rules';

const demand = (over: Partial<TargetGroupDemand> = {}): TargetGroupDemand => ({
  targetGroup: 'AUTISM',
  referrals: 0,
  waiting: 0,
  capacityRejections: 0,
  deviationsToLowerLevel: 0,
  averageDaysToPlacement: null,
  ...over,
});

describe('the gaps a needs analysis names', () => {
  it('names capacity rejections whenever an offer turned a referral away for lack of places', () => {
    expect(gapKindsOf(demand({ referrals: 4, capacityRejections: 1 }), { places: 10, occupied: 2 })).toEqual([
      'CAPACITY_REJECTIONS',
    ]);
  });

  it('names waiting when more citizens wait than there are free places', () => {
    expect(gapKindsOf(demand({ waiting: 3 }), { places: 10, occupied: 8 })).toEqual(['WAITING']);
    expect(gapKindsOf(demand({ waiting: 2 }), { places: 10, occupied: 8 })).toEqual([]);
    expect(gapKindsOf(demand({ waiting: 1 }), { places: 2, occupied: 3 })).toEqual(['WAITING']);
  });

  it('names deviations to a lower level than advised', () => {
    expect(gapKindsOf(demand({ deviationsToLowerLevel: 1 }), { places: 5, occupied: 0 })).toEqual([
      'DEVIATION_TO_LOWER_LEVEL',
    ]);
  });

  it('names demand with no places at all, alongside the other rules', () => {
    expect(gapKindsOf(demand({ referrals: 1 }), { places: 0, occupied: 0 })).toEqual(['NO_PLACES']);
    expect(
      gapKindsOf(demand({ referrals: 2, waiting: 2, capacityRejections: 1 }), { places: 0, occupied: 0 }),
    ).toEqual(['CAPACITY_REJECTIONS', 'WAITING', 'NO_PLACES']);
  });

  it('names nothing without demand, even where there are no places', () => {
    expect(gapKindsOf(demand(), { places: 0, occupied: 0 })).toEqual([]);
    expect(gapKindsOf(demand({ referrals: 5 }), { places: 5, occupied: 1 })).toEqual([]);
  });

  it('gives one line per target group, counting what is absent as zero', () => {
    const lines = needsLines(
      ['AUTISM', 'VISION'],
      [demand({ referrals: 3, capacityRejections: 2, averageDaysToPlacement: 40 })],
      new Map([['VISION', { places: 6, occupied: 6 }]]),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        targetGroup: 'AUTISM',
        referrals: 3,
        places: 0,
        freePlaces: 0,
        gapKinds: ['CAPACITY_REJECTIONS', 'NO_PLACES'],
      }),
      expect.objectContaining({
        targetGroup: 'VISION',
        referrals: 0,
        places: 6,
        occupied: 6,
        freePlaces: 0,
        gapKinds: [],
      }),
    ]);
  });
});
