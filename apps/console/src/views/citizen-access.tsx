import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CitizenAccessLog } from '../api/types';
import { useDraft } from '../drafts';
import { useI18n } from '../i18n/i18n';
import { Load, Page } from '../ui/page';
import { usePages } from '../ui/paging';
import { DataTable } from '../ui/table';

function AccessLog({ pseudonym }: { pseudonym: string }) {
  const { t, f } = useI18n();
  const loaded = usePages<CitizenAccessLog>(
    'audit',
    `/citizens/${encodeURIComponent(pseudonym)}/access-log?limit=100`,
    pseudonym,
    'entries',
  );
  return (
    <Load loaded={loaded}>
      {(log) => (
        <DataTable
          caption={t('view.citizenAccess')}
          rows={log.entries}
          rowKey={(e) => `${e.at}${e.service}${e.action}${e.what}`}
          more={loaded.more}
          columns={[
            { header: t('occurredAt'), cell: (e) => f.dateTime(e.at) },
            {
              header: t('organisation'),
              cell: (e) => e.organisation.name ?? `${e.organisation.type ?? ''} ${e.organisation.code ?? ''}`,
            },
            { header: t('service'), cell: (e) => e.service },
            { header: t('action'), cell: (e) => e.action },
            { header: t('what'), cell: (e) => e.what },
            { header: t('purpose'), cell: (e) => e.purpose },
          ]}
        />
      )}
    </Load>
  );
}

/** Which organisations read or changed a citizen's data, when and why (no employee names): by pseudonym. */
export function CitizenAccessView() {
  const { t } = useI18n();
  const [form, setForm] = useDraft('citizen-access', { pseudonym: '' });
  const [shown, setShown] = useState<string>();
  return (
    <Page title={t('view.citizenAccess')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setShown(form.pseudonym.trim() || undefined);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('pseudonym')}
            value={form.pseudonym}
            onChange={(e) => setForm({ pseudonym: e.currentTarget.value })}
          />
          <Button type="submit">{t('search')}</Button>
        </Group>
      </form>
      {shown && <AccessLog pseudonym={shown} />}
    </Page>
  );
}
