import { Group, Stack, Text, Title } from '@mantine/core';
import type { KnowledgeMetrics } from '../api/types';
import { useLoad } from '../api/use-load';
import { useI18n } from '../i18n/i18n';
import { BarChart, type BarRow } from '../ui/charts';
import { Load, Page } from '../ui/page';
import { DataTable } from '../ui/table';

interface Row {
  targetGroup: string;
  followed: number;
  deviated: number;
}

/** Advice followed and deviated from, summed per target group over the advisory functions. */
export function deviationsPerTargetGroup(metrics: KnowledgeMetrics): Row[] {
  const rows = new Map<string, Row>();
  for (const m of metrics.functions) {
    const row = rows.get(m.targetGroup) ?? { targetGroup: m.targetGroup, followed: 0, deviated: 0 };
    row.followed += m.adviceFollowed;
    row.deviated += m.adviceDeviatedFrom;
    rows.set(m.targetGroup, row);
  }
  return [...rows.values()].sort((a, b) => b.deviated - a.deviated);
}

/** The chart draws this many rows (the most deviations); the table under it holds every row. */
export const MUNICIPALITY_ROWS_DRAWN = 15;

/** Advice followed and deviated from per municipality and target group, most deviations first. */
export function deviationsPerMunicipality(metrics: KnowledgeMetrics): BarRow[] {
  return [...metrics.municipalities]
    .sort(
      (a, b) =>
        b.adviceDeviatedFrom - a.adviceDeviatedFrom ||
        b.adviceGiven - a.adviceGiven ||
        a.municipalityCode.localeCompare(b.municipalityCode) ||
        a.targetGroup.localeCompare(b.targetGroup),
    )
    .map((m) => ({
      key: `${m.municipalityCode} ${m.targetGroup}`,
      label: `${m.municipalityName ?? m.municipalityCode} · ${m.targetGroup}`,
      values: [m.adviceFollowed, m.adviceDeviatedFrom],
    }));
}

/** The state's chart: where decisions deviate from advice, per municipality and target group. */
function PerMunicipality({ metrics, year }: { metrics: KnowledgeMetrics; year: number }) {
  const { t, f } = useI18n();
  const rows = deviationsPerMunicipality(metrics);
  const title = `${t('deviationsPerMunicipality')} ${year}`;
  const total = rows.reduce((sum, r) => sum + r.values[1], 0);
  const top = rows[0];
  return (
    <Stack gap="sm" component="section" aria-labelledby="deviations-per-municipality">
      <Title order={2} size="h3" id="deviations-per-municipality">
        {t('deviationsPerMunicipality')}
      </Title>
      {rows.length === 0 ? (
        <Text>{t('noRows')}</Text>
      ) : (
        <BarChart
          title={title}
          summary={
            `${t('deviationsTotal')}: ${f.number(total)}` +
            (top && top.values[1] > 0 ? `; ${top.label}: ${f.number(top.values[1])}` : '') +
            `. ${t('deviationsChartSummary')}`
          }
          series={[
            { label: t('adviceFollowed'), color: '#2b8a3e' },
            { label: t('adviceDeviatedFrom'), color: '#c92a2a' },
          ]}
          rows={rows.slice(0, MUNICIPALITY_ROWS_DRAWN)}
          tableRows={rows}
          rowHeader={`${t('municipality')} · ${t('targetGroup')}`}
          formatValue={f.number}
        />
      )}
    </Stack>
  );
}

/** A bar as wide as its share of the largest total; the number is always written beside it. */
function Bars({ row, max }: { row: Row; max: number }) {
  const { t, f } = useI18n();
  const width = (n: number) => `${max > 0 ? (n / max) * 100 : 0}%`;
  return (
    <Stack gap={2} miw={240}>
      <Group gap="xs" wrap="nowrap">
        <div
          style={{ width: width(row.followed), minWidth: 2, height: 10, background: '#2b8a3e' }}
          aria-hidden
        />
        <Text size="xs">
          {t('adviceFollowed')}: {f.number(row.followed)}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <div
          style={{ width: width(row.deviated), minWidth: 2, height: 10, background: '#c92a2a' }}
          aria-hidden
        />
        <Text size="xs">
          {t('adviceDeviatedFrom')}: {f.number(row.deviated)}
        </Text>
      </Group>
    </Stack>
  );
}

/**
 * Deviations from advice this year (the knowledge service's metrics): per target group as bars in a table, and per
 * municipality and target group as a chart.
 */
export function DeviationsView() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const loaded = useLoad(
    (api) => api.get<KnowledgeMetrics>('knowledge', `/knowledge-metrics?year=${year}`),
    String(year),
  );
  return (
    <Page title={t('view.deviations')}>
      <Load loaded={loaded}>
        {(metrics) => {
          const rows = deviationsPerTargetGroup(metrics);
          const max = Math.max(0, ...rows.map((r) => Math.max(r.followed, r.deviated)));
          return (
            <Stack gap="xl">
              <DataTable
                caption={`${t('view.deviations')} ${year}`}
                rows={rows}
                rowKey={(r) => r.targetGroup}
                columns={[
                  { header: t('targetGroup'), cell: (r) => r.targetGroup },
                  { header: t('view.deviations'), cell: (r) => <Bars row={r} max={max} /> },
                ]}
              />
              <PerMunicipality metrics={metrics} year={year} />
            </Stack>
          );
        }}
      </Load>
    </Page>
  );
}
