import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OfferOccupancyHistory } from '../api/types';
import type { Session } from '../auth/session';
import { fakeFetch, renderApp } from '../test-support';
import { danishToday, occupancySummary, periodStart } from './offers';

const REGION_PLANNER: Session = { name: 'Jens', orgType: 'region', orgCode: '1084', roles: ['planner'] };
const A = '6f1c2a9e-3b7d-4c21-9a51-0d2e8b7f4a10';
const B = '7a2d3b0f-4c8e-4d32-8b62-1e3f9c8a5b21';

const offer = (id: string, name: string, places: number, occupied: number) => ({
  id,
  version: 1,
  name,
  targetGroups: [{ code: 'AUTISM', ffbCode: null, name: 'Autisme' }],
  level: 'HIGH',
  places,
  occupied,
  freePlaces: Math.max(0, places - occupied),
  status: 'ACTIVE',
});

const history = (offerId: string, days: OfferOccupancyHistory['days']): OfferOccupancyHistory => ({
  offerId,
  from: '2026-11-28',
  to: '2026-11-30',
  days,
});

describe('my offers: occupancy over time', () => {
  it('counts the period in Danish days', () => {
    expect(danishToday(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01'); // past midnight in Copenhagen
    expect(periodStart('2026-03-01', 30)).toBe('2026-01-31');
    expect(periodStart('2026-11-30', 1)).toBe('2026-11-30');
  });

  it('sums a history up as the latest day and the highest and lowest occupied', () => {
    const days = [
      { day: '2026-11-28', occupied: 9, places: 12 },
      { day: '2026-11-29', occupied: 11, places: 12 },
      { day: '2026-11-30', occupied: 10, places: 14 },
    ];
    expect(occupancySummary(history(A, days))).toEqual({ latest: days[2], highest: 11, lowest: 9 });
    expect(occupancySummary(history(A, []))).toBeNull();
  });

  it('draws the first offer’s occupancy as a named chart with its numbers, and follows the offer and period chosen', async () => {
    const today = danishToday();
    const { fetch, calls } = fakeFetch({
      'GET /api/specialty-planning/v1/offers?operator=1084&limit=200': {
        items: [offer(A, 'Autismecenter Nord', 14, 10), offer(B, 'Bostedet Syd', 6, 2)],
        nextCursor: null,
      },
      [`GET /api/specialty-planning/v1/offers/${A}/occupancy?from=${periodStart(today, 90)}`]: history(A, [
        { day: '2026-11-28', occupied: 9, places: 12 },
        { day: '2026-11-29', occupied: 10, places: 12 },
        { day: '2026-11-30', occupied: 10, places: 14 },
      ]),
      [`GET /api/specialty-planning/v1/offers/${B}/occupancy?from=${periodStart(today, 90)}`]: history(B, []),
      [`GET /api/specialty-planning/v1/offers/${B}/occupancy?from=${periodStart(today, 30)}`]: history(B, [
        { day: '2026-11-30', occupied: 2, places: 6 },
      ]),
    });
    renderApp('/offers', { session: REGION_PLANNER, fetch });

    const chart = await screen.findByRole('img', { name: /^Belægning over tid: Autismecenter Nord/ });
    expect(chart.getAttribute('aria-labelledby')?.split(' ')).toHaveLength(2);
    // the text alternative, written under the chart too
    expect(
      screen.getByText('Sidst (30. nov. 2026): 10 optaget, 14 pladser; højst optaget 10, lavest optaget 9.'),
    ).toBeTruthy();
    // one step line per series: occupied and places
    expect(chart.querySelectorAll('path')).toHaveLength(2);
    const numbers = screen.getByRole('table', { name: /^Belægning over tid: Autismecenter Nord/ });
    expect(within(numbers).getAllByRole('row')).toHaveLength(4); // a header and three days
    expect(within(numbers).getByRole('columnheader', { name: 'Pladser' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Tilbud'), { target: { value: B } });
    expect(await screen.findByText('Ingen belægning registreret i perioden')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Periode'), { target: { value: '30' } });
    expect(await screen.findByRole('img', { name: /^Belægning over tid: Bostedet Syd/ })).toBeTruthy();
    expect(calls.map((c) => c.url).filter((u) => u.includes('/occupancy'))).toEqual([
      `/api/specialty-planning/v1/offers/${A}/occupancy?from=${periodStart(today, 90)}`,
      `/api/specialty-planning/v1/offers/${B}/occupancy?from=${periodStart(today, 90)}`,
      `/api/specialty-planning/v1/offers/${B}/occupancy?from=${periodStart(today, 30)}`,
    ]);
  });
});
