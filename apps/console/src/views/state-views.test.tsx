import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KnowledgeMetrics, NeedsAnalysis } from '../api/types';
import type { Session } from '../auth/session';
import { fakeFetch, renderApp } from '../test-support';
import { deviationsPerTargetGroup } from './deviations';

const STATE_PLANNER: Session = { name: 'Birgitte', orgType: 'state', orgCode: 'state', roles: ['planner'] };

const analysis = (regionCode: string, gapCount: number): NeedsAnalysis => ({
  id: `00000000-0000-4000-8000-00000000${regionCode}`,
  frameworkAreaCode: `RA-${regionCode}`,
  regionCode,
  from: '2026-01-01',
  to: '2026-06-30',
  municipalityCodes: [],
  createdAt: '2026-07-01T08:00:00Z',
  gapCount,
  targetGroups: [
    {
      targetGroup: 'AUTISM',
      demand: {
        referrals: 12,
        waiting: 3,
        capacityRejections: 2,
        deviationsToLowerLevel: 1,
        averageDaysToPlacement: 40,
      },
      supply: { places: 8, occupied: 8, freePlaces: 0 },
      gap:
        gapCount > 0
          ? { id: `10000000-0000-4000-8000-00000000${regionCode}`, kinds: ['CAPACITY_REJECTIONS'] }
          : null,
    },
  ],
});

describe('state views', () => {
  it('shows each region’s gaps on the schematic map and the gaps in a table', async () => {
    const { fetch } = fakeFetch({
      'GET /api/specialty-planning/v1/needs-analyses?limit=100': {
        items: [analysis('1082', 2), analysis('1081', 0)],
        nextCursor: null,
      },
    });
    renderApp('/needs-gaps', { session: STATE_PLANNER, fetch });
    expect(await screen.findByLabelText('Midtjylland: Huller 2')).toBeTruthy();
    expect(screen.getByLabelText('Nordjylland: Huller 0')).toBeTruthy();
    expect(screen.getByLabelText('Syddanmark: Huller –')).toBeTruthy();
    expect(screen.getByText('RA-1082')).toBeTruthy();
    expect(screen.queryByText('RA-1081')).toBeNull();
  });

  it('sums advice followed and deviated from per target group, most deviations first', () => {
    const fn = (targetGroup: string, adviceFollowed: number, adviceDeviatedFrom: number) => ({
      advisoryFunctionId: null,
      functionId: null,
      offerId: null,
      offerName: null,
      operatorOrgCode: '1082',
      targetGroup,
      year: 2026,
      citizensAdvised: 0,
      adviceGiven: 0,
      adviceOnTime: 0,
      adviceFollowed,
      adviceDeviatedFrom,
      minimumYearlyVolume: null,
      belowMinimumVolume: null,
    });
    const metrics = {
      year: 2026,
      functions: [fn('VISION', 5, 1), fn('AUTISM', 2, 3), fn('VISION', 1, 1)],
      environments: [],
    };
    expect(deviationsPerTargetGroup(metrics as unknown as KnowledgeMetrics)).toEqual([
      { targetGroup: 'AUTISM', followed: 2, deviated: 3 },
      { targetGroup: 'VISION', followed: 6, deviated: 2 },
    ]);
  });
});
