import { Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useApp } from '../app-context';
import type { FunctionApplication, FunctionApplicationPage, Plan, PlanPage } from '../api/types';
import { useLoad } from '../api/use-load';
import { useDraft } from '../drafts';
import { useI18n } from '../i18n/i18n';
import { StatusBadge } from '../ui/badges';
import { ErrorNote, Load, Page } from '../ui/page';
import { usePages } from '../ui/paging';
import { DataTable } from '../ui/table';

interface ApprovalDraft {
  validFrom: string;
  validTo: string;
  minimumYearlyVolume: string;
  reason: string;
}

function Decide({ application, done }: { application: FunctionApplication; done(): void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const year = new Date().getFullYear();
  const [draft, setDraft, clear] = useDraft<ApprovalDraft>(`application-${application.id}`, {
    validFrom: `${year}-01-01`,
    validTo: `${year + 4}-12-31`,
    minimumYearlyVolume: '30',
    reason: '',
  });
  const [error, setError] = useState<Error>();
  const set = (patch: Partial<ApprovalDraft>) => setDraft({ ...draft, ...patch });
  const act = async (path: 'approve' | 'reject') => {
    try {
      const current = await api.get<FunctionApplication>(
        'specialty-planning',
        `/function-applications/${application.id}`,
      );
      const body =
        path === 'approve'
          ? {
              validFrom: draft.validFrom,
              validTo: draft.validTo,
              minimumYearlyVolume: Number(draft.minimumYearlyVolume),
            }
          : { reason: draft.reason };
      await api.send(
        'specialty-planning',
        'POST',
        `/function-applications/${application.id}/${path}`,
        body,
        current.etag,
      );
      clear();
      done();
    } catch (e) {
      setError(e as Error);
    }
  };
  const label = `${application.targetGroup.code} ${application.operator.orgCode}`;
  return (
    <Stack gap={4} data-application={application.id}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          size="xs"
          type="date"
          label={t('validFrom')}
          value={draft.validFrom}
          onChange={(e) => set({ validFrom: e.currentTarget.value })}
        />
        <TextInput
          size="xs"
          type="date"
          label={t('validTo')}
          value={draft.validTo}
          onChange={(e) => set({ validTo: e.currentTarget.value })}
        />
        <TextInput
          size="xs"
          label={t('minimumYearlyVolume')}
          inputMode="numeric"
          value={draft.minimumYearlyVolume}
          onChange={(e) => set({ minimumYearlyVolume: e.currentTarget.value })}
        />
        <Button
          size="xs"

          onClick={() => void act('approve')}
          aria-label={`${t('approve')} ${label}`}
        >
          {t('approve')}
        </Button>
      </Group>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          size="xs"
          label={t('reason')}
          value={draft.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
        />
        <Button
          size="xs"
          color="red.9"
          variant="outline"
          onClick={() => void act('reject')}
          aria-label={`${t('reject')} ${label}`}
        >
          {t('reject')}
        </Button>
      </Group>
      {error && <ErrorNote error={error} />}
    </Stack>
  );
}

function Applications() {
  const { t, f } = useI18n();
  const loaded = usePages<FunctionApplicationPage>(
    'specialty-planning',
    '/function-applications?status=PENDING&limit=100',
    'applications',
  );
  return (
    <section aria-labelledby="applications">
      <Title order={2} size="h3" id="applications" mb="sm">
        {t('pendingApplications')}
      </Title>
      <Load loaded={loaded}>
        {(page) => (
          <DataTable
            caption={t('pendingApplications')}
            rows={page.items}
            rowKey={(a) => a.id}
            more={loaded.more}
            columns={[
              { header: t('date'), cell: (a) => f.date(a.createdAt) },
              { header: t('region'), cell: (a) => a.operator.orgCode },
              { header: t('targetGroup'), cell: (a) => a.targetGroup.code },
              { header: t('functionType'), cell: (a) => a.functionType },
              { header: t('yearlyVolume'), cell: (a) => f.number(a.evidence.yearlyVolume) },
              { header: t('actions'), cell: (a) => <Decide application={a} done={loaded.reload} /> },
            ]}
          />
        )}
      </Load>
    </section>
  );
}

function Entries({ id }: { id: string }) {
  const { t, f } = useI18n();
  const loaded = useLoad((api) => api.get<Plan>('specialty-planning', `/specialty-plans/${id}`), id);
  return (
    <Load loaded={loaded}>
      {(plan) => (
        <DataTable
          caption={`${t('entries')}: ${plan.title}`}
          rows={plan.entries}
          rowKey={(e) => `${e.offerId}${e.targetGroup.code}${e.functionType}`}
          columns={[
            { header: t('targetGroup'), cell: (e) => e.targetGroup.code },
            { header: t('functionType'), cell: (e) => e.functionType },
            { header: t('offer'), cell: (e) => e.offerId.slice(0, 8) },
            { header: t('validFrom'), cell: (e) => f.date(e.validFrom) },
            { header: t('validTo'), cell: (e) => f.date(e.validTo) },
            { header: t('minimumYearlyVolume'), cell: (e) => f.number(e.minimumYearlyVolume) },
          ]}
        />
      )}
    </Load>
  );
}

/** The national specialty plan: its versions, the entries of one, and the applications waiting for the state. */
export function PlanView() {
  const { t, f } = useI18n();
  const versions = usePages<PlanPage>('specialty-planning', '/specialty-plans?limit=50', 'plans');
  const [chosen, setChosen] = useState<string>();
  return (
    <Page title={t('view.plan')}>
      <Applications />
      <section aria-labelledby="versions">
        <Title order={2} size="h3" id="versions" mb="sm">
          {t('planVersions')}
        </Title>
        <Load loaded={versions}>
          {(page) => (
            <Stack>
              <DataTable
                caption={t('planVersions')}
                rows={page.items}
                rowKey={(p) => p.id}
                more={versions.more}
                columns={[
                  { header: '#', cell: (p) => p.version },
                  { header: t('view.plan'), cell: (p) => p.title },
                  { header: t('status'), cell: (p) => <StatusBadge status={p.phase} /> },
                  { header: t('effectiveFrom'), cell: (p) => f.date(p.effectiveFrom) },
                  { header: t('entries'), cell: (p) => f.number(p.entryCount) },
                ]}
              />
              {page.items.length > 0 && (
                <NativeSelect
                  label={t('entries')}
                  value={chosen ?? page.items[0]!.id}
                  data={page.items.map((p) => ({ value: p.id, label: `${p.version}: ${p.title}` }))}
                  onChange={(e) => setChosen(e.currentTarget.value)}
                />
              )}
              {page.items.length > 0 && <Entries id={chosen ?? page.items[0]!.id} />}
            </Stack>
          )}
        </Load>
      </section>
    </Page>
  );
}
