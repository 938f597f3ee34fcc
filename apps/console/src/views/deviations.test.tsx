import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KnowledgeMetrics } from '../api/types';
import type { Session } from '../auth/session';
import { fakeFetch, renderApp } from '../test-support';
import { deviationsPerMunicipality, MUNICIPALITY_ROWS_DRAWN } from './deviations';

const STATE_PLANNER: Session = { name: 'Birgitte', orgType: 'state', orgCode: 'state', roles: ['planner'] };

const row = (
  municipalityCode: string,
  municipalityName: string,
  targetGroup: string,
  followed: number,
  deviated: number,
) => ({
  municipalityCode,
  municipalityName,
  targetGroup,
  year: 2026,
  adviceGiven: followed + deviated,
  adviceFollowed: followed,
  adviceDeviatedFrom: deviated,
});

const metrics = (municipalities: KnowledgeMetrics['municipalities']): KnowledgeMetrics => ({
  year: new Date().getFullYear(),
  functions: [],
  environments: [],
  municipalities,
});

describe('deviations per municipality and target group', () => {
  it('orders the rows by deviations, then by advice given, and names each by municipality and target group', () => {
    const rows = deviationsPerMunicipality(
      metrics([
        row('101', 'København', 'VISION', 5, 1),
        row('751', 'Aarhus', 'AUTISM', 2, 3),
        row('461', 'Odense', 'VISION', 8, 1),
      ]),
    );
    expect(rows).toEqual([
      { key: '751 AUTISM', label: 'Aarhus · AUTISM', values: [2, 3] },
      { key: '461 VISION', label: 'Odense · VISION', values: [8, 1] },
      { key: '101 VISION', label: 'København · VISION', values: [5, 1] },
    ]);
  });

  it('draws the most deviating rows as a named chart, and every row in the table under it', async () => {
    const many = Array.from({ length: MUNICIPALITY_ROWS_DRAWN + 3 }, (_, i) =>
      row(String(200 + i), `Kommune ${200 + i}`, 'HEARING', 1, i),
    );
    const { fetch } = fakeFetch({
      [`GET /api/knowledge/v1/knowledge-metrics?year=${new Date().getFullYear()}`]: metrics([
        row('751', 'Aarhus', 'AUTISM', 2, 30),
        ...many,
      ]),
    });
    renderApp('/deviations', { session: STATE_PLANNER, fetch });
    const chart = await screen.findByRole('img', {
      name: /^Afvigelser fra rådgivning pr\. kommune og målgruppe/,
    });
    expect(chart.getAttribute('aria-labelledby')).toBeTruthy();
    const total = 30 + many.reduce((sum, m) => sum + m.adviceDeviatedFrom, 0);
    expect(screen.getByText(new RegExp(`^Afvigelser i alt: ${total}; Aarhus · AUTISM: 30\\.`))).toBeTruthy();
    // two bars (followed, deviated) per drawn row
    expect(chart.querySelectorAll('rect')).toHaveLength(MUNICIPALITY_ROWS_DRAWN * 2);
    const table = screen.getByRole('table', { name: /^Afvigelser fra rådgivning pr\. kommune og målgruppe/ });
    expect(within(table).getAllByRole('row')).toHaveLength(many.length + 2);
    expect(within(table).getByRole('cell', { name: 'Kommune 200 · HEARING' })).toBeTruthy();
  });

  it('says so when no advice was counted per municipality', async () => {
    const { fetch } = fakeFetch({
      [`GET /api/knowledge/v1/knowledge-metrics?year=${new Date().getFullYear()}`]: metrics([]),
    });
    renderApp('/deviations', { session: STATE_PLANNER, fetch });
    expect(
      await screen.findByRole('heading', { name: 'Afvigelser fra rådgivning pr. kommune og målgruppe' }),
    ).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
