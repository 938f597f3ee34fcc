import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { NeedsAnalysis } from '../api/types';
import type { Session } from '../auth/session';
import { fakeFetch, renderApp } from '../test-support';
import { regionsOn } from '../ui/regions-map';
import { REGION_SHAPES } from '../ui/regions-map.data';

const STATE_PLANNER: Session = { name: 'Birgitte', orgType: 'state', orgCode: 'state', roles: ['planner'] };
const LIST = 'GET /api/specialty-planning/v1/needs-analyses?limit=100';

const analysis = (regionCode: string, from: string, gapCount: number): NeedsAnalysis => ({
  id: `00000000-0000-4000-8000-${regionCode}${from.replace(/-/g, '')}`,
  frameworkAreaCode: `RA-${regionCode}-${from.slice(0, 4)}`,
  regionCode,
  from,
  to: `${from.slice(0, 4)}-06-30`,
  municipalityCodes: [],
  createdAt: `${from}T08:00:00Z`,
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
      gap: gapCount > 0 ? { id: `10000000-0000-4000-8000-${regionCode}00000000`, kinds: ['WAITING'] } : null,
    },
  ],
});

// Newest first, as the API answers: 2027 has Østdanmark, 2026 Hovedstaden and Sjælland.
const ITEMS = [
  analysis('1086', '2027-01-01', 7),
  analysis('1082', '2027-01-01', 1),
  analysis('1084', '2026-01-01', 4),
  analysis('1085', '2026-01-01', 0),
  analysis('1082', '2026-01-01', 2),
];

describe('needs-analysis gaps on the map of the regions', () => {
  it('has real outlines for the five regions and the 2027 union, four regions from 2027', () => {
    expect(regionsOn('2026-12-31').map((r) => r.code)).toEqual(['1081', '1082', '1083', '1084', '1085']);
    expect(regionsOn('2027-01-01').map((r) => r.code)).toEqual(['1081', '1082', '1083', '1086']);
    expect(REGION_SHAPES.find((r) => r.code === '1086')?.unionOf).toEqual(['1084', '1085']);
    for (const r of REGION_SHAPES) expect(r.d).toMatch(/^M\d+ \d+l[-\d ]+z/);
    // Small enough for the bundle (the brief: under 60 KB).
    expect(JSON.stringify(REGION_SHAPES).length).toBeLessThan(60_000);
  });

  it('draws the newest year with Østdanmark as one region, its gaps written on it and in a table', async () => {
    renderApp('/needs-gaps', {
      session: STATE_PLANNER,
      fetch: fakeFetch({ [LIST]: { items: ITEMS } }).fetch,
    });
    const map = await screen.findByRole('group', { name: 'Huller pr. region på kortet' });
    const regions = within(map).getAllByRole('button');
    expect(regions.map((r) => r.getAttribute('aria-label'))).toEqual([
      'Nordjylland: Huller –',
      'Midtjylland: Huller 1',
      'Syddanmark: Huller –',
      'Østdanmark: Huller 7',
    ]);
    // Colour by class, and the number is written on the map too (the colour never says it alone).
    const fill = (code: string) => map.querySelector(`[data-region="${code}"] path`)?.getAttribute('fill');
    expect(fill('1086')).toBe('#e03131');
    expect(fill('1082')).toBe('#ffe066');
    expect(fill('1081')).toBe('#e9ecef');
    expect(within(map).getByText('Huller: 7')).toBeTruthy();
    const alternative = screen.getByRole('table', { name: 'Huller pr. region' });
    expect(within(alternative).getByRole('rowheader', { name: 'Østdanmark' })).toBeTruthy();
    expect(within(alternative).getAllByRole('row')).toHaveLength(1 + 4);
    expect(screen.getByText('RA-1086-2027')).toBeTruthy();
    expect(screen.queryByText('RA-1084-2026')).toBeNull();
    expect(screen.getByText(/DAGI/)).toBeTruthy();
    // The same WCAG 2.1 A/AA rules as the browser test (colour contrast needs a real browser: it runs there).
    const result = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    expect(
      result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });

  it('draws Hovedstaden and Sjælland apart for 2026', async () => {
    renderApp('/needs-gaps', {
      session: STATE_PLANNER,
      fetch: fakeFetch({ [LIST]: { items: ITEMS } }).fetch,
    });
    await userEvent.selectOptions(await screen.findByLabelText('År'), '2026');
    const map = screen.getByRole('group', { name: 'Huller pr. region på kortet' });
    expect(within(map).getByRole('button', { name: 'Hovedstaden: Huller 4' })).toBeTruthy();
    expect(within(map).getByRole('button', { name: 'Sjælland: Huller 0' })).toBeTruthy();
    expect(within(map).getByRole('button', { name: 'Midtjylland: Huller 2' })).toBeTruthy();
    expect(within(map).queryByRole('button', { name: /Østdanmark/ })).toBeNull();
    expect(screen.getByText('RA-1084-2026')).toBeTruthy();
  });

  it('narrows the table to a region chosen with the keyboard, and back to all', async () => {
    renderApp('/needs-gaps', {
      session: STATE_PLANNER,
      fetch: fakeFetch({ [LIST]: { items: ITEMS } }).fetch,
    });
    await userEvent.selectOptions(await screen.findByLabelText('År'), '2026');
    const hovedstaden = screen.getByRole('button', { name: 'Hovedstaden: Huller 4' });
    hovedstaden.focus();
    await userEvent.keyboard('{Enter}');
    expect(hovedstaden.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('RA-1084-2026')).toBeTruthy();
    expect(screen.queryByText('RA-1082-2026')).toBeNull();
    await userEvent.keyboard(' ');
    expect(hovedstaden.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('RA-1082-2026')).toBeTruthy();
  });

  it('shows a region planner only the gaps of the own region, without the map', async () => {
    const planner: Session = { name: 'Rasmus', orgType: 'region', orgCode: '1082', roles: ['planner'] };
    renderApp('/needs-gaps', { session: planner, fetch: fakeFetch({ [LIST]: { items: ITEMS } }).fetch });
    expect(await screen.findByText('RA-1082-2027')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Huller pr. region på kortet' })).toBeNull();
    expect(screen.queryByText('RA-1086-2027')).toBeNull();
  });
});
