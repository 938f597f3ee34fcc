import { Group, NativeSelect, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Offer, OfferOccupancyHistory, OfferPage } from '../api/types';
import { useApp } from '../app-context';
import { useLoad } from '../api/use-load';
import { useI18n } from '../i18n/i18n';
import { StatusBadge } from '../ui/badges';
import { StepChart } from '../ui/charts';
import { Load, Page } from '../ui/page';
import { DataTable } from '../ui/table';

/** The periods the chart offers, in days up to today. */
const PERIODS = [30, 90, 365] as const;
type PeriodDays = (typeof PERIODS)[number];

/** Today's Danish calendar day, `YYYY-MM-DD` (the day the API counts in). */
export function danishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

/** The first day of a period of `days` days ending `today`. */
export function periodStart(today: string, days: number): string {
  const start = new Date(`${today}T12:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return start.toISOString().slice(0, 10);
}

/** The occupancy history in a sentence: the latest day, and the highest and lowest occupied in the period. */
export function occupancySummary(history: OfferOccupancyHistory): {
  latest: OfferOccupancyHistory['days'][number];
  highest: number;
  lowest: number;
} | null {
  if (history.days.length === 0) return null;
  const occupied = history.days.map((d) => d.occupied);
  return {
    latest: history.days[history.days.length - 1],
    highest: Math.max(...occupied),
    lowest: Math.min(...occupied),
  };
}

/** One offer's occupied places and places per day, for the period chosen. */
function OccupancyChart({ offers }: { offers: Offer[] }) {
  const { t, f } = useI18n();
  const [offerId, setOfferId] = useState(offers[0].id);
  const [days, setDays] = useState<PeriodDays>(90);
  const from = periodStart(danishToday(), days);
  const loaded = useLoad(
    (api) =>
      api.get<OfferOccupancyHistory>('specialty-planning', `/offers/${offerId}/occupancy?from=${from}`),
    `${offerId} ${from}`,
  );
  const name = offers.find((o) => o.id === offerId)?.name ?? '';
  return (
    <Stack gap="sm" component="section" aria-labelledby="occupancy-over-time">
      <Title order={2} size="h3" id="occupancy-over-time">
        {t('occupancyOverTime')}
      </Title>
      <Group gap="md" align="flex-end">
        <NativeSelect
          label={t('offer')}
          value={offerId}
          data={offers.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(e) => setOfferId(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('period')}
          value={String(days)}
          data={PERIODS.map((d) => ({ value: String(d), label: t(`lastDays${d}`) }))}
          onChange={(e) => setDays(Number(e.currentTarget.value) as PeriodDays)}
        />
      </Group>
      <Load loaded={loaded}>
        {(history) => {
          const summary = occupancySummary(history);
          if (!summary) return <Text>{t('noHistory')}</Text>;
          const { latest, highest, lowest } = summary;
          return (
            <StepChart
              title={`${t('occupancyOverTime')}: ${name}, ${f.date(history.from)} – ${f.date(history.to)}`}
              summary={
                `${t('occupancyNow')} (${f.date(latest.day)}): ${f.number(latest.occupied)} ${t('occupied').toLowerCase()}, ` +
                `${f.number(latest.places)} ${t('places').toLowerCase()}; ${t('occupancyHighest')} ${f.number(highest)}, ` +
                `${t('occupancyLowest')} ${f.number(lowest)}.`
              }
              series={[
                { label: t('occupied'), color: '#1864ab' },
                { label: t('places'), color: '#495057', dashed: true },
              ]}
              points={history.days.map((d) => ({ x: d.day, values: [d.occupied, d.places] }))}
              xHeader={t('day')}
              formatX={f.date}
              formatY={f.number}
            />
          );
        }}
      </Load>
    </Stack>
  );
}

/** The offers my organisation operates, with places and occupancy now, and one offer's occupancy over time. */
export function OffersView() {
  const { t, f } = useI18n();
  const { session } = useApp();
  const loaded = useLoad(
    (api) => api.get<OfferPage>('specialty-planning', `/offers?operator=${session.orgCode}&limit=200`),
    session.orgCode,
  );
  return (
    <Page title={t('view.offers')}>
      <Load loaded={loaded}>
        {(page) => (
          <Stack gap="xl">
            <DataTable
              caption={t('view.offers')}
              rows={page.items}
              rowKey={(o) => o.id}
              columns={[
                { header: t('offer'), cell: (o) => o.name },
                { header: t('targetGroup'), cell: (o) => o.targetGroups.map((g) => g.code).join(', ') },
                { header: t('level'), cell: (o) => o.level },
                { header: t('places'), cell: (o) => f.number(o.places) },
                { header: t('occupied'), cell: (o) => f.number(o.occupied) },
                { header: t('freePlaces'), cell: (o) => f.number(o.freePlaces) },
                {
                  header: t('occupancy'),
                  cell: (o) => {
                    const share = o.places > 0 ? o.occupied / o.places : 0;
                    return (
                      <div>
                        <Progress value={share * 100} aria-label={`${t('occupancy')} ${o.name}`} />
                        <Text size="xs">{f.percent(share)}</Text>
                      </div>
                    );
                  },
                },
                { header: t('status'), cell: (o) => <StatusBadge status={o.status} /> },
              ]}
            />
            {page.items.length > 0 && <OccupancyChart offers={page.items} />}
          </Stack>
        )}
      </Load>
    </Page>
  );
}
