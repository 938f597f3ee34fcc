import type { BlockGrantList, InvoiceList } from '../api/types';
import { useApp } from '../app-context';
import { useLoad } from '../api/use-load';
import { useI18n } from '../i18n/i18n';
import { StatusBadge } from '../ui/badges';
import { Load, Page } from '../ui/page';
import { DataTable } from '../ui/table';

/** Co-financing invoices: those my municipality receives, or those my region issued (the API decides). */
export function InvoicesView({ title }: { title: 'view.invoicesToPay' | 'view.invoicesIssued' }) {
  const { t, f } = useI18n();
  const loaded = useLoad((api) => api.get<InvoiceList>('financing', '/co-financing-invoices'), 'invoices');
  return (
    <Page title={t(title)}>
      <Load loaded={loaded}>
        {(list) => (
          <DataTable
            caption={t(title)}
            rows={list.items}
            rowKey={(i) => i.id}
            columns={[
              { header: t('month'), cell: (i) => i.month },
              { header: t('region'), cell: (i) => i.regionCode },
              { header: t('municipality'), cell: (i) => i.municipalityCode },
              { header: t('amount'), cell: (i) => f.kroner(i.amountOre) },
              { header: t('status'), cell: (i) => <StatusBadge status={i.status} /> },
            ]}
          />
        )}
      </Load>
    </Page>
  );
}

/** The block grant my region receives: its share and the monthly instalments paid. */
export function BlockGrantView() {
  const { t, f } = useI18n();
  const { session } = useApp();
  const loaded = useLoad((api) => api.get<BlockGrantList>('financing', '/block-grants'), 'grants');
  return (
    <Page title={t('view.blockGrant')}>
      <Load loaded={loaded}>
        {(list) => (
          <DataTable
            caption={t('view.blockGrant')}
            rows={list.items.flatMap((g) =>
              g.allocations
                .filter((a) => session.orgType !== 'region' || a.regionCode === session.orgCode)
                .map((a) => ({ ...a, year: g.year, id: `${g.id}${a.regionCode}` })),
            )}
            rowKey={(a) => a.id}
            columns={[
              { header: t('year'), cell: (a) => a.year },
              { header: t('region'), cell: (a) => a.regionCode },
              { header: t('amount'), cell: (a) => f.kroner(a.amountOre) },
              { header: t('paid'), cell: (a) => `${a.paidMonths.length} / ${a.instalments.length}` },
            ]}
          />
        )}
      </Load>
    </Page>
  );
}
