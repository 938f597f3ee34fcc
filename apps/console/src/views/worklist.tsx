import { Button, Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useApp } from '../app-context';
import type { Referral, ReferralPage } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';
import { FlagBadge, StatusBadge } from '../ui/badges';
import { ErrorNote, Load, Page } from '../ui/page';
import { usePages } from '../ui/paging';
import { DataTable } from '../ui/table';

const REJECT_REASONS = ['NO_CAPACITY', 'TARGET_GROUP_MISMATCH', 'LEVEL_MISMATCH', 'OTHER'] as const;

function Answer({ r, done }: { r: Referral; done(): void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [reason, setReason] = useState<string>('NO_CAPACITY');
  const [error, setError] = useState<Error>();
  // Accept and reject change the referral: read its ETag first (If-Match is required).
  const act = async (path: 'accept' | 'reject', body: object) => {
    try {
      const current = await api.get<Referral>('referrals', `/referrals/${r.id}`);
      await api.send('referrals', 'POST', `/referrals/${r.id}/${path}`, body, current.etag);
      done();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"

        onClick={() => void act('accept', {})}
        aria-label={`${t('accept')} ${r.citizen.pseudonym.slice(0, 12)}`}
      >
        {t('accept')}
      </Button>
      <NativeSelect
        size="xs"
        aria-label={t('rejectReason')}
        value={reason}
        data={[...REJECT_REASONS]}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Button size="xs" color="red.9" variant="outline" onClick={() => void act('reject', { reason })}>
        {t('reject')}
      </Button>
      {error && <ErrorNote error={error} />}
    </Group>
  );
}

/** The operator's worklist: referrals sent to its offers and waiting for an answer. */
export function WorklistView() {
  const { t, f } = useI18n();
  // ?offerId= narrows the list to one offer (the API's own filter).
  const { query } = useRouter();
  const params = new URLSearchParams({ limit: '100' });
  const offerId = query.get('offerId');
  if (offerId) params.set('offerId', offerId);
  const loaded = usePages<ReferralPage>('referrals', `/operator/worklist?${params}`, params.toString());
  return (
    <Page title={t('view.worklist')}>
      <Load loaded={loaded}>
        {(page) => (
          <DataTable
            caption={t('view.worklist')}
            rows={page.items}
            rowKey={(r) => r.id}
            more={loaded.more}
            columns={[
              { header: t('referralDate'), cell: (r) => f.date(r.referralDate) },
              { header: t('citizen'), cell: (r) => r.citizen.pseudonym.slice(0, 12) },
              { header: t('municipality'), cell: (r) => r.municipalityCode },
              { header: t('targetGroup'), cell: (r) => r.targetGroup },
              { header: t('level'), cell: (r) => r.decision?.level ?? r.assessedLevel },
              { header: t('startDate'), cell: (r) => f.date(r.decision?.startDate) },
              { header: t('status'), cell: (r) => <StatusBadge status={r.status} /> },
              {
                header: t('decision'),
                cell: (r) =>
                  r.decision?.deviation ? <FlagBadge label={t('deviation')} colour="grape" /> : '',
              },
              {
                header: t('actions'),
                cell: (r) => (r.status === 'SENT_TO_OFFER' ? <Answer r={r} done={loaded.reload} /> : ''),
              },
            ]}
          />
        )}
      </Load>
    </Page>
  );
}
