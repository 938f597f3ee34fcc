import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useApp } from '../app-context';
import type { AuditPage, AuditVerification } from '../api/types';
import { useDraft } from '../drafts';
import { useI18n } from '../i18n/i18n';
import { FlagBadge } from '../ui/badges';
import { ErrorNote, Load, Page } from '../ui/page';
import { usePages } from '../ui/paging';
import { DataTable } from '../ui/table';

interface Search {
  citizenPseudonym: string;
  orgCode: string;
  action: string;
  outcome: string;
}

function Verify() {
  const { t, f } = useI18n();
  const { api } = useApp();
  const [result, setResult] = useState<AuditVerification>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      setResult((await api.get<AuditVerification>('audit', '/audit/verification')).body);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs" align="flex-start">
      <Button onClick={() => void verify()} loading={busy}>
        {t('verifyChain')}
      </Button>
      {result && (
        <Alert
          variant="filled"
          color={result.valid ? 'teal.9' : 'red.9'}
          title={result.valid ? t('chainValid') : t('chainBroken')}
          role="status"
        >
          {t('rowsChecked')}: {f.number(result.rowsChecked)} · {f.dateTime(result.checkedAt)}
          {result.firstBroken && ` · #${result.firstBroken.seq} ${result.firstBroken.reason}`}
        </Alert>
      )}
      {error && <ErrorNote error={error} />}
    </Stack>
  );
}

/** The audit ledger for the state's auditors: search by citizen pseudonym, organisation, action; verify the chain. */
export function AuditView() {
  const { t, f } = useI18n();
  const [form, setForm] = useDraft<Search>('audit-search', {
    citizenPseudonym: '',
    orgCode: '',
    action: '',
    outcome: '',
  });
  const [query, setQuery] = useState<Search>(form);
  const params = new URLSearchParams({ limit: '50' });
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const loaded = usePages<AuditPage>('audit', `/audit/events?${params}`, params.toString());
  const set = (patch: Partial<Search>) => setForm({ ...form, ...patch });
  return (
    <Page title={t('view.audit')}>
      <Verify />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(form);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('citizen')}
            value={form.citizenPseudonym}
            onChange={(e) => set({ citizenPseudonym: e.currentTarget.value })}
          />
          <TextInput
            label={t('organisation')}
            value={form.orgCode}
            onChange={(e) => set({ orgCode: e.currentTarget.value })}
          />
          <TextInput
            label={t('action')}
            value={form.action}
            onChange={(e) => set({ action: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('outcome')}
            value={form.outcome}
            data={[{ value: '', label: t('all') }, 'ALLOWED', 'DENIED']}
            onChange={(e) => set({ outcome: e.currentTarget.value })}
          />
          <Button type="submit">{t('search')}</Button>
        </Group>
      </form>
      <Load loaded={loaded}>
        {(page) => (
          <DataTable
            caption={t('view.audit')}
            rows={page.items}
            rowKey={(e) => e.seq}
            more={loaded.more}
            columns={[
              { header: '#', cell: (e) => e.seq },
              { header: t('occurredAt'), cell: (e) => f.dateTime(e.occurredAt) },
              { header: t('service'), cell: (e) => e.service },
              { header: t('organisation'), cell: (e) => `${e.actor.orgType ?? ''} ${e.actor.orgCode ?? ''}` },
              { header: t('action'), cell: (e) => e.action },
              { header: t('citizen'), cell: (e) => e.citizenPseudonym?.slice(0, 12) ?? '–' },
              { header: t('purpose'), cell: (e) => e.purpose },
              {
                header: t('outcome'),
                cell: (e) => (e.outcome === 'DENIED' ? <FlagBadge label={e.outcome} /> : e.outcome),
              },
            ]}
          />
        )}
      </Load>
    </Page>
  );
}
