import type { AdviceCasePage } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { FlagBadge, StatusBadge } from '../ui/badges';
import { Load, Page } from '../ui/page';
import { usePages } from '../ui/paging';
import { DataTable } from '../ui/table';

/**
 * Advice cases in my scope with their deadlines: the advisor's queue (region), or the advice my municipality
 * asked for and received. The API decides the scope; the view shows what it returns.
 */
export function AdviceCasesView({ title }: { title: 'view.adviceQueue' | 'view.adviceReceived' }) {
  const { t, f } = useI18n();
  const loaded = usePages<AdviceCasePage>('knowledge', '/advice-cases?limit=100', 'advice');
  return (
    <Page title={t(title)}>
      <Load loaded={loaded}>
        {(page) => (
          <DataTable
            caption={t(title)}
            rows={page.items}
            rowKey={(c) => c.id}
            more={loaded.more}
            columns={[
              { header: t('citizen'), cell: (c) => c.citizen.pseudonym?.slice(0, 12) ?? '–' },
              { header: t('municipality'), cell: (c) => c.municipalityCode },
              { header: t('targetGroup'), cell: (c) => c.targetGroup },
              { header: t('status'), cell: (c) => <StatusBadge status={c.status} /> },
              { header: t('deadline'), cell: (c) => f.date(c.deadline.dueDate) },
              {
                header: t('workingDaysLeft'),
                cell: (c) =>
                  c.deadline.overdue ? (
                    <FlagBadge label={t('overdue')} />
                  ) : (
                    f.number(c.deadline.workingDaysLeft)
                  ),
              },
            ]}
          />
        )}
      </Load>
    </Page>
  );
}
