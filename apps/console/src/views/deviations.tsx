import { Group, Stack, Text } from '@mantine/core';
import type { KnowledgeMetrics } from '../api/types';
import { useLoad } from '../api/use-load';
import { useI18n } from '../i18n/i18n';
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

/** Deviations from advice per target group this year (the knowledge service's metrics), as a bar chart. */
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
            <DataTable
              caption={`${t('view.deviations')} ${year}`}
              rows={rows}
              rowKey={(r) => r.targetGroup}
              columns={[
                { header: t('targetGroup'), cell: (r) => r.targetGroup },
                { header: t('view.deviations'), cell: (r) => <Bars row={r} max={max} /> },
              ]}
            />
          );
        }}
      </Load>
    </Page>
  );
}
