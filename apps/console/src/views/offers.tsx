import { Progress, Text } from '@mantine/core';
import type { OfferPage } from '../api/types';
import { useApp } from '../app-context';
import { useLoad } from '../api/use-load';
import { useI18n } from '../i18n/i18n';
import { StatusBadge } from '../ui/badges';
import { Load, Page } from '../ui/page';
import { DataTable } from '../ui/table';

/** The offers my organisation operates, with places and occupancy now. */
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
        )}
      </Load>
    </Page>
  );
}
