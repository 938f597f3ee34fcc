import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useApp } from '../app-context';
import type { NeedsAnalysis, NeedsAnalysisPage } from '../api/types';
import { useLoad } from '../api/use-load';
import { useI18n } from '../i18n/i18n';
import { FlagBadge } from '../ui/badges';
import { Load, Page } from '../ui/page';
import { DataTable } from '../ui/table';

/**
 * The regions placed roughly as on a map of Denmark (north to south, west to east), for the state's overview.
 * Østdanmark (1086) replaces Hovedstaden and Sjælland from 2027: it takes their places when analyses name it.
 */
const MAP: { code: string; name: string; row: number; column: number }[] = [
  { code: '1081', name: 'Nordjylland', row: 1, column: 1 },
  { code: '1082', name: 'Midtjylland', row: 2, column: 1 },
  { code: '1083', name: 'Syddanmark', row: 3, column: 1 },
  { code: '1084', name: 'Hovedstaden', row: 2, column: 3 },
  { code: '1085', name: 'Sjælland', row: 3, column: 3 },
  { code: '1086', name: 'Østdanmark', row: 2, column: 3 },
];

/** Each region's latest analysis (the API answers newest first). */
function latestPerRegion(items: NeedsAnalysis[]): Map<string, NeedsAnalysis> {
  const latest = new Map<string, NeedsAnalysis>();
  for (const a of items) if (!latest.has(a.regionCode)) latest.set(a.regionCode, a);
  return latest;
}

function RegionsMap({ latest }: { latest: Map<string, NeedsAnalysis> }) {
  const { t, f } = useI18n();
  const merged = latest.has('1086');
  const shown = MAP.filter((r) => (merged ? !['1084', '1085'].includes(r.code) : r.code !== '1086'));
  return (
    <section aria-labelledby="regions-map">
      <Title order={2} size="h3" id="regions-map" mb="sm">
        {t('regionsMap')}
      </Title>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(8rem, 12rem))', gap: '0.5rem' }}>
        {shown.map((r) => {
          const gaps = latest.get(r.code)?.gapCount;
          return (
            <Card
              key={r.code}
              withBorder
              style={{ gridRow: r.row, gridColumn: r.column }}
              role="group"
              aria-label={`${r.name}: ${t('gaps')} ${gaps ?? '–'}`}
            >
              <Text fw={600}>{r.name}</Text>
              <Badge color={gaps ? 'red.9' : 'teal.9'} variant="filled" autoContrast>
                {t('gaps')}: {gaps === undefined ? '–' : f.number(gaps)}
              </Badge>
            </Card>
          );
        })}
      </div>
    </section>
  );
}

/** Needs-analysis gaps: my region's framework area, or every region on a schematic map for the state. */
export function NeedsGapsView() {
  const { t, f } = useI18n();
  const { session } = useApp();
  const loaded = useLoad(
    (api) => api.get<NeedsAnalysisPage>('specialty-planning', '/needs-analyses?limit=100'),
    'needs',
  );
  return (
    <Page title={t('view.needsGaps')}>
      <Load loaded={loaded}>
        {(page) => {
          const latest = latestPerRegion(page.items);
          const mine =
            session.orgType === 'region'
              ? [latest.get(session.orgCode)].filter((a) => a !== undefined)
              : [...latest.values()];
          const rows = mine.flatMap((a) =>
            a.targetGroups
              .filter((g) => g.gap)
              .map((g) => ({
                ...g,
                area: a.frameworkAreaCode,
                key: `${a.id}${g.targetGroup}`,
                period: `${f.date(a.from)} – ${f.date(a.to)}`,
              })),
          );
          return (
            <Stack>
              {session.orgType === 'state' && <RegionsMap latest={latest} />}
              <DataTable
                caption={t('gaps')}
                rows={rows}
                rowKey={(r) => r.key}
                columns={[
                  { header: t('region'), cell: (r) => r.area },
                  { header: t('date'), cell: (r) => r.period },
                  { header: t('targetGroup'), cell: (r) => r.targetGroup },
                  { header: t('demand'), cell: (r) => f.number(r.demand.referrals) },
                  { header: t('waiting'), cell: (r) => f.number(r.demand.waiting) },
                  { header: t('capacityRejections'), cell: (r) => f.number(r.demand.capacityRejections) },
                  { header: t('places'), cell: (r) => f.number(r.supply.places) },
                  {
                    header: t('gaps'),
                    cell: (r) => (
                      <>
                        {r.gap?.kinds.map((k) => (
                          <FlagBadge key={k} label={k} colour="grape" />
                        ))}
                      </>
                    ),
                  },
                ]}
              />
            </Stack>
          );
        }}
      </Load>
    </Page>
  );
}
