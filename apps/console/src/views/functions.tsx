import { Group } from '@mantine/core';
import { useApp } from '../app-context';
import type { SpecialtyFunctionPage } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { FlagBadge, StatusBadge } from '../ui/badges';
import { Load, Page } from '../ui/page';
import { usePages } from '../ui/paging';
import { DataTable } from '../ui/table';

/** My organisation's approved functions, soonest ending first, with expiry and volume flags. */
export function FunctionsView() {
  const { t, f } = useI18n();
  const { session } = useApp();
  const loaded = usePages<SpecialtyFunctionPage>('specialty-planning', '/functions?limit=200', 'functions');
  return (
    <Page title={t('view.functions')}>
      <Load loaded={loaded}>
        {(page) => (
          <DataTable
            caption={t('view.functions')}
            rows={page.items.filter((fn) => fn.operatorOrgCode === session.orgCode)}
            rowKey={(fn) => fn.id}
            more={loaded.more}
            columns={[
              { header: t('targetGroup'), cell: (fn) => fn.targetGroup.code },
              { header: t('functionType'), cell: (fn) => fn.functionType },
              { header: t('validFrom'), cell: (fn) => f.date(fn.validFrom) },
              { header: t('validTo'), cell: (fn) => f.date(fn.validTo) },
              { header: t('minimumYearlyVolume'), cell: (fn) => f.number(fn.minimumYearlyVolume) },
              { header: t('yearlyVolume'), cell: (fn) => f.number(fn.actualYearlyVolume) },
              { header: t('status'), cell: (fn) => <StatusBadge status={fn.status} /> },
              {
                header: `${t('expiring')} / ${t('belowMinimum')}`,
                cell: (fn) => (
                  <Group gap={4}>
                    {fn.expiring && <FlagBadge label={t('expiring')} colour="grape" />}
                    {fn.belowMinimum && <FlagBadge label={t('belowMinimum')} />}
                  </Group>
                ),
              },
            ]}
          />
        )}
      </Load>
    </Page>
  );
}
