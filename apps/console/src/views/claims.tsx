import { Button, Group, NativeSelect, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useApp } from '../app-context';
import type { Claim, ClaimList, RuleSetList, WhatIf } from '../api/types';
import { useLoad } from '../api/use-load';
import { hasRole } from '../auth/session';
import { useDraft } from '../drafts';
import { useI18n } from '../i18n/i18n';
import { StatusBadge } from '../ui/badges';
import { ErrorNote, Load, Page } from '../ui/page';
import { DataTable } from '../ui/table';

type LineDecision = { approved: 'yes' | 'no'; reason: string };

function WhatIfTable({ claim }: { claim: Claim }) {
  const { t } = useI18n();
  const ruleSets = useLoad(
    (api) => api.get<RuleSetList>('financing', `/rule-sets?year=${claim.year}`),
    String(claim.year),
  );
  const others = (ruleSets.data?.items ?? []).filter((r) => r.id !== claim.ruleSetId);
  const [other, setOther] = useState<string>();
  const chosen = other ?? others[0]?.id;
  return (
    <section aria-labelledby="what-if">
      <Title order={2} size="h3" id="what-if" mb="sm">
        {t('whatIf')}
      </Title>
      {others.length === 0 ? (
        <Text>{t('noRows')}</Text>
      ) : (
        <Stack>
          <NativeSelect
            label={t('whatIf')}
            value={chosen}
            data={others.map((r) => ({ value: r.id, label: `${r.name} (v${r.version})` }))}
            onChange={(e) => setOther(e.currentTarget.value)}
          />
          {chosen && <WhatIfLines claimId={claim.id} ruleSetId={chosen} />}
        </Stack>
      )}
      {ruleSets.error && <ErrorNote error={ruleSets.error} />}
    </section>
  );
}

function WhatIfLines({ claimId, ruleSetId }: { claimId: string; ruleSetId: string }) {
  const { t, f } = useI18n();
  const loaded = useLoad(
    (api) => api.get<WhatIf>('financing', `/refusion-claims/${claimId}/what-if?ruleSetId=${ruleSetId}`),
    `${claimId}/${ruleSetId}`,
  );
  return (
    <Load loaded={loaded}>
      {(w) => (
        <Stack gap="xs">
          <Text>
            {w.ruleSets.a.name}: {f.kroner(w.totalA)} · {w.ruleSets.b.name}: {f.kroner(w.totalB)} ·{' '}
            {t('difference')}: {f.kroner(w.differenceOre)}
          </Text>
          <DataTable
            caption={t('whatIf')}
            rows={w.lines}
            rowKey={(l) => l.referralIds.join()}
            columns={[
              {
                header: t('citizen'),
                cell: (l) => l.citizenPseudonyms.map((p) => p.slice(0, 12)).join(', '),
              },
              { header: w.ruleSets.a.name, cell: (l) => f.kroner(l.a.refusionOre) },
              { header: w.ruleSets.b.name, cell: (l) => f.kroner(l.b.refusionOre) },
              { header: t('difference'), cell: (l) => f.kroner(l.differenceOre) },
            ]}
          />
        </Stack>
      )}
    </Load>
  );
}

function ClaimDetail({ id, canDecide, done }: { id: string; canDecide: boolean; done(): void }) {
  const { t, f } = useI18n();
  const { api } = useApp();
  const loaded = useLoad((a) => a.get<Claim>('financing', `/refusion-claims/${id}`), id);
  const [decisions, setDecisions, clear] = useDraft<Record<string, LineDecision>>(`claim-${id}`, {});
  const [error, setError] = useState<Error>();
  const decisionOf = (lineNo: number): LineDecision => decisions[lineNo] ?? { approved: 'yes', reason: '' };
  const setLine = (lineNo: number, patch: Partial<LineDecision>) =>
    setDecisions({ ...decisions, [lineNo]: { ...decisionOf(lineNo), ...patch } });
  const decide = async (claim: Claim) => {
    try {
      await api.send(
        'financing',
        'POST',
        `/refusion-claims/${claim.id}/decision`,
        {
          lines: claim.lines.map((l) => {
            const d = decisionOf(l.lineNo);
            return {
              lineNo: l.lineNo,
              approved: d.approved === 'yes',
              ...(d.reason ? { reason: d.reason } : {}),
            };
          }),
        },
        loaded.etag,
      );
      clear();
      loaded.reload();
      done();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Load loaded={loaded}>
      {(claim) => (
        <Stack>
          <Title order={2} size="h3">
            {t('lines')}: {claim.municipalityCode} · {claim.year} Q{claim.quarter}
          </Title>
          <DataTable
            caption={t('lines')}
            rows={claim.lines}
            rowKey={(l) => String(l.lineNo)}
            columns={[
              { header: t('line'), cell: (l) => l.lineNo },
              {
                header: t('citizen'),
                cell: (l) => l.citizenPseudonyms.map((p) => p.slice(0, 12)).join(', '),
              },
              { header: t('eligible'), cell: (l) => (l.eligible ? t('yes') : t('no')) },
              { header: t('netExpense'), cell: (l) => f.kroner(l.netExpenseOre) },
              { header: t('refusion'), cell: (l) => f.kroner(l.refusionOre) },
              {
                header: t('decision'),
                cell: (l) =>
                  canDecide && claim.status === 'SUBMITTED' ? (
                    <Group gap="xs" wrap="nowrap" align="flex-end">
                      <Radio.Group
                        label={`${t('line')} ${l.lineNo}`}
                        value={decisionOf(l.lineNo).approved}
                        onChange={(v) => setLine(l.lineNo, { approved: v as 'yes' | 'no' })}
                      >
                        <Group gap="xs">
                          <Radio value="yes" label={t('approve')} />
                          <Radio value="no" label={t('reject')} />
                        </Group>
                      </Radio.Group>
                      <TextInput
                        size="xs"
                        label={`${t('reason')} ${l.lineNo}`}
                        value={decisionOf(l.lineNo).reason}
                        onChange={(e) => setLine(l.lineNo, { reason: e.currentTarget.value })}
                      />
                    </Group>
                  ) : (
                    (l.decision ?? '–')
                  ),
              },
            ]}
          />
          {canDecide && claim.status === 'SUBMITTED' && (
            <Group>
              <Button onClick={() => void decide(claim)}>{t('decideClaim')}</Button>
            </Group>
          )}
          {error && <ErrorNote error={error} />}
          <WhatIfTable claim={claim} />
        </Stack>
      )}
    </Load>
  );
}

/** Refusion claims: a municipality's own (with the what-if), or all of them for the state's finance to decide. */
export function ClaimsView() {
  const { t, f } = useI18n();
  const { session } = useApp();
  const canDecide = hasRole(session, 'state', 'finance');
  const loaded = useLoad((api) => api.get<ClaimList>('financing', '/refusion-claims'), 'claims');
  const [open, setOpen] = useState<string>();
  return (
    <Page title={t(canDecide ? 'view.decideClaims' : 'view.claims')}>
      <Load loaded={loaded}>
        {(list) => (
          <DataTable
            caption={t('view.claims')}
            rows={list.items}
            rowKey={(c) => c.id}
            columns={[
              { header: t('municipality'), cell: (c) => c.municipalityCode },
              { header: t('year'), cell: (c) => c.year },
              { header: t('quarter'), cell: (c) => c.quarter },
              { header: t('claimed'), cell: (c) => f.kroner(c.claimedOre) },
              { header: t('approved'), cell: (c) => f.kroner(c.approvedOre) },
              { header: t('status'), cell: (c) => <StatusBadge status={c.status} /> },
              {
                header: t('actions'),
                cell: (c) => (
                  <Button
                    size="xs"
                    variant="outline"
                    onClick={() => setOpen(c.id)}
                    aria-label={`${t('lines')} ${c.municipalityCode} ${c.year} Q${c.quarter}`}
                  >
                    {t('lines')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Load>
      {open && <ClaimDetail id={open} canDecide={canDecide} done={loaded.reload} />}
    </Page>
  );
}
