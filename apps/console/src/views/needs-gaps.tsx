import { NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useApp } from '../app-context';
import type { NeedsAnalysis, NeedsAnalysisPage } from '../api/types';
import { useLoad } from '../api/use-load';
import { useI18n } from '../i18n/i18n';
import { FlagBadge } from '../ui/badges';
import { Load, Page } from '../ui/page';
import { RegionsMap, type RegionGaps } from '../ui/regions-map';
import { DataTable } from '../ui/table';

/** Each region's latest analysis (the API answers newest first). */
function latestPerRegion(items: NeedsAnalysis[]): Map<string, NeedsAnalysis> {
  const latest = new Map<string, NeedsAnalysis>();
  for (const a of items) if (!latest.has(a.regionCode)) latest.set(a.regionCode, a);
  return latest;
}

/** The years analyses begin in, newest first; this year when there are none. */
export function analysisYears(items: NeedsAnalysis[]): string[] {
  const years = new Set(items.map((a) => a.from.slice(0, 4)));
  if (years.size === 0) years.add(String(new Date().getFullYear()));
  return [...years].sort().reverse();
}

function GapsTable({ analyses }: { analyses: NeedsAnalysis[] }) {
  const { t, f } = useI18n();
  const rows = analyses.flatMap((a) =>
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
  );
}

/**
 * The state's overview: a year (of the analyses), the regions of that year on the map coloured by their latest
 * analysis's gaps (from 2027 Hovedstaden and Sjælland are one region, Østdanmark), and those gaps in a table,
 * narrowed to the region chosen on the map.
 */
function StateOverview({ items }: { items: NeedsAnalysis[] }) {
  const { t, f } = useI18n();
  const years = analysisYears(items);
  const [chosenYear, setYear] = useState<string>();
  const [region, setRegion] = useState<string>();
  const year = chosenYear && years.includes(chosenYear) ? chosenYear : years[0]!;
  const latest = latestPerRegion(items.filter((a) => a.from.startsWith(year)));
  const values = new Map<string, RegionGaps>(
    [...latest].map(([code, a]) => [
      code,
      { gaps: a.gapCount, period: `${f.date(a.from)} – ${f.date(a.to)}` },
    ]),
  );
  const shown = [...latest.values()].filter((a) => !region || a.regionCode === region);
  return (
    <Stack>
      <NativeSelect
        label={t('year')}
        value={year}
        data={years}
        maw="10rem"
        onChange={(e) => {
          setYear(e.currentTarget.value);
          setRegion(undefined);
        }}
      />
      <RegionsMap on={`${year}-01-01`} values={values} selected={region} onSelect={setRegion} />
      <GapsTable analyses={shown} />
    </Stack>
  );
}

/** Needs-analysis gaps: my region's framework area, or every region on a map of Denmark for the state. */
export function NeedsGapsView() {
  const { t } = useI18n();
  const { session } = useApp();
  const loaded = useLoad(
    (api) => api.get<NeedsAnalysisPage>('specialty-planning', '/needs-analyses?limit=100'),
    'needs',
  );
  return (
    <Page title={t('view.needsGaps')}>
      <Load loaded={loaded}>
        {(page) =>
          session.orgType === 'state' ? (
            <StateOverview items={page.items} />
          ) : (
            <GapsTable
              analyses={[latestPerRegion(page.items).get(session.orgCode)].filter((a) => a !== undefined)}
            />
          )
        }
      </Load>
    </Page>
  );
}
