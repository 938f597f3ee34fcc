import { Button, Checkbox, Group, NativeSelect } from '@mantine/core';
import type { ReferralPage } from '../api/types';
import { LEVELS, REFERRAL_STATUSES, TARGET_GROUPS } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';
import { FlagBadge, StatusBadge } from '../ui/badges';
import { Link } from '../ui/link';
import { Load, Page } from '../ui/page';
import { usePages } from '../ui/paging';
import { DataTable } from '../ui/table';

const FILTERS = ['status', 'targetGroup', 'level', 'deviation', 'adviceOverdue'] as const;

/** The municipality's referrals, newest first, filtered in the URL (a filtered list can be bookmarked). */
export function ReferralsView() {
  const { t, f, status } = useI18n();
  const { query, navigate } = useRouter();
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = query.get(name);
    if (value) params.set(name, value);
  }
  params.set('limit', '50');
  const loaded = usePages<ReferralPage>('referrals', `/referrals?${params}`, params.toString());
  const setFilter = (name: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate(`/referrals?${next}`);
  };
  const options = (values: readonly string[], label: (v: string) => string = (v) => v) => [
    { value: '', label: t('all') },
    ...values.map((v) => ({ value: v, label: label(v) })),
  ];
  return (
    <Page title={t('view.referrals')}>
      <Group align="flex-end">
        <NativeSelect
          label={t('status')}
          value={query.get('status') ?? ''}
          data={options(REFERRAL_STATUSES, status)}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('targetGroup')}
          value={query.get('targetGroup') ?? ''}
          data={options(TARGET_GROUPS)}
          onChange={(e) => setFilter('targetGroup', e.currentTarget.value)}
        />
        <NativeSelect
          label={t('level')}
          value={query.get('level') ?? ''}
          data={options(LEVELS)}
          onChange={(e) => setFilter('level', e.currentTarget.value)}
        />
        <Checkbox
          label={t('deviationOnly')}
          checked={query.get('deviation') === 'true'}
          onChange={(e) => setFilter('deviation', e.currentTarget.checked ? 'true' : '')}
        />
        <Checkbox
          label={t('overdueOnly')}
          checked={query.get('adviceOverdue') === 'true'}
          onChange={(e) => setFilter('adviceOverdue', e.currentTarget.checked ? 'true' : '')}
        />
        <Button onClick={() => navigate('/referrals/new')}>{t('view.newReferral')}</Button>
      </Group>
      <Load loaded={loaded}>
        {(page) => (
          <DataTable
            caption={t('view.referrals')}
            rows={page.items}
            rowKey={(r) => r.id}
            more={loaded.more}
            columns={[
              {
                header: t('referralDate'),
                cell: (r) => <Link to={`/referrals/${r.id}`}>{f.date(r.referralDate)}</Link>,
              },
              { header: t('citizen'), cell: (r) => r.citizen.pseudonym.slice(0, 12) },
              { header: t('targetGroup'), cell: (r) => r.targetGroup },
              { header: t('level'), cell: (r) => r.assessedLevel },
              { header: t('status'), cell: (r) => <StatusBadge status={r.status} /> },
              {
                header: t('advice'),
                cell: (r) =>
                  r.advice.overdue ? (
                    <FlagBadge label={t('overdue')} />
                  ) : r.advice.dueAt && !r.advice.given ? (
                    `${t('adviceDue')} ${f.date(r.advice.dueAt)}`
                  ) : (
                    ''
                  ),
              },
              {
                header: t('decision'),
                cell: (r) =>
                  r.decision?.deviation ? <FlagBadge label={t('deviation')} colour="grape" /> : '',
              },
            ]}
          />
        )}
      </Load>
    </Page>
  );
}
