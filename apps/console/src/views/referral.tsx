import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useApp } from '../app-context';
import type { OfferPage, Referral } from '../api/types';
import { LEVELS } from '../api/types';
import { useLoad } from '../api/use-load';
import { useDraft } from '../drafts';
import { useI18n } from '../i18n/i18n';
import { FlagBadge, StatusBadge } from '../ui/badges';
import { ErrorNote, Load, Page } from '../ui/page';

/** The steps of a referral that have happened, in order: created, advice, decision, acceptance, placement. */
export function timelineOf(r: Referral): { key: string; at: string | null; done: boolean }[] {
  const accepted = ['ACCEPTED', 'PLACEMENT_ACTIVE', 'ENDED'].includes(r.status);
  return [
    { key: 'created', at: r.createdAt, done: true },
    { key: 'advice', at: r.advice.given?.givenAt ?? null, done: Boolean(r.advice.given?.givenAt) },
    { key: 'decision', at: r.decision?.decidedAt ?? null, done: Boolean(r.decision?.decidedAt) },
    { key: 'acceptance', at: null, done: accepted },
    { key: 'placement', at: r.placement?.start ?? null, done: Boolean(r.placement?.start) },
  ];
}

function AdviceBesideDecision({ r }: { r: Referral }) {
  const { t, f } = useI18n();
  const given = r.advice.given;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Card withBorder>
        <Title order={3} size="h4">
          {t('advice')}
        </Title>
        {r.advice.required === false && <Text>{t('adviceNotRequired')}</Text>}
        {r.advice.required && !given && (
          <Text>
            {t('adviceDue')}: {f.dateTime(r.advice.dueAt)}{' '}
            {r.advice.overdue && <FlagBadge label={t('overdue')} />}
          </Text>
        )}
        {given && (
          <Stack gap={4}>
            <Text>
              {t('level')}: {given.level}
            </Text>
            <Text>
              {t('offer')}: {given.offerId ?? '–'}
            </Text>
            <Text>{given.rationale}</Text>
            <Text size="sm">{f.dateTime(given.givenAt)}</Text>
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h4">
          {t('decision')}
        </Title>
        {r.decision ? (
          <Stack gap={4}>
            <Text>
              {t('level')}: {r.decision.level}
            </Text>
            <Text>
              {t('offer')}: {r.decision.offerId}
            </Text>
            <Text>
              {t('startDate')}: {f.date(r.decision.startDate)}
            </Text>
            {r.decision.deviation ? (
              <Alert variant="filled" color="grape" title={t('deviation')}>
                {r.decision.deviationReasons.join(', ')}: {r.decision.deviationJustification}
              </Alert>
            ) : (
              r.decision.followsAdvice && <Text>{t('followsAdvice')}</Text>
            )}
          </Stack>
        ) : (
          <Text>–</Text>
        )}
      </Card>
    </SimpleGrid>
  );
}

interface DecisionDraft {
  offerId: string;
  level: string;
  startDate: string;
  justification: string;
}

/** Active offers for the target group at the level decided, with a free place (the directory's own filters). */
const offerQuery = (targetGroup: string, level: string) =>
  new URLSearchParams({ targetGroup, level, freePlaces: 'true', status: 'ACTIVE', limit: '200' }).toString();

function DecideForm({ r, etag, done }: { r: Referral; etag: string | undefined; done(): void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [draft, setDraft, clear] = useDraft<DecisionDraft>(`decision-${r.id}`, {
    offerId: r.advice.given?.offerId ?? '',
    level: r.advice.given?.level ?? r.assessedLevel,
    startDate: '',
    justification: '',
  });
  const offers = useLoad(
    (a) => a.get<OfferPage>('specialty-planning', `/offers?${offerQuery(r.targetGroup, draft.level)}`),
    `${r.targetGroup}/${draft.level}`,
  );
  const [error, setError] = useState<Error>();
  const decide = async () => {
    try {
      await api.send(
        'referrals',
        'POST',
        `/referrals/${r.id}/decision`,
        {
          offerId: draft.offerId,
          level: draft.level,
          startDate: draft.startDate,
          ...(draft.justification ? { justification: draft.justification } : {}),
        },
        etag,
      );
      clear();
      done();
    } catch (e) {
      setError(e as Error);
    }
  };
  const set = (patch: Partial<DecisionDraft>) => setDraft({ ...draft, ...patch });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void decide();
      }}
    >
      <Stack gap="sm" maw={480}>
        <Title order={2} size="h3">
          {t('decide')}
        </Title>
        <NativeSelect
          label={t('offer')}
          value={draft.offerId}
          onChange={(e) => set({ offerId: e.currentTarget.value })}
          data={[
            { value: '', label: '–' },
            ...(offers.data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${o.name} (${o.operator.name})`,
            })),
          ]}
        />
        <NativeSelect
          label={t('level')}
          value={draft.level}
          data={[...LEVELS]}
          onChange={(e) => set({ level: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('startDate')}
          value={draft.startDate}
          onChange={(e) => set({ startDate: e.currentTarget.value })}
        />
        <Textarea
          label={t('justification')}
          value={draft.justification}
          onChange={(e) => set({ justification: e.currentTarget.value })}
        />
        {error && <ErrorNote error={error} />}
        <Group>
          <Button type="submit">{t('decide')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function Actions({ r, etag, reload }: { r: Referral; etag: string | undefined; reload(): void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [error, setError] = useState<Error>();
  const post = (path: string) =>
    api
      .send('referrals', 'POST', `/referrals/${r.id}/${path}`, {}, etag)
      .then(reload, (e: Error) => setError(e));
  return (
    <Stack gap="sm">
      {r.status === 'DRAFT' && <Button onClick={() => void post('submit')}>{t('submit')}</Button>}
      {(r.status === 'READY_FOR_DECISION' || (r.status === 'AWAITING_ADVICE' && r.urgent)) && (
        <DecideForm r={r} etag={etag} done={reload} />
      )}
      {r.status === 'DECIDED' && <Button onClick={() => void post('send')}>{t('send')}</Button>}
      {error && <ErrorNote error={error} />}
    </Stack>
  );
}

/** One referral: its timeline, the advice beside the decision (a deviation flagged), and the next step. */
export function ReferralView({ id }: { id: string }) {
  const { t, f } = useI18n();
  const loaded = useLoad((api) => api.get<Referral>('referrals', `/referrals/${id}`), id);
  return (
    <Page title={t('view.referral')}>
      <Load loaded={loaded}>
        {(r) => (
          <Stack gap="lg">
            <Group>
              <StatusBadge status={r.status} />
              <Text>
                {t('citizen')}: {r.citizen.pseudonym.slice(0, 12)} · {r.targetGroup} · {r.assessedLevel} ·{' '}
                {f.date(r.referralDate)}
              </Text>
            </Group>
            <section aria-label={t('timeline')}>
              <Title order={2} size="h3">
                {t('timeline')}
              </Title>
              <Timeline active={timelineOf(r).filter((s) => s.done).length - 1} bulletSize={18} mt="sm">
                {timelineOf(r).map((step) => (
                  <Timeline.Item key={step.key} title={t(step.key as 'created')}>
                    <Text size="sm">{step.done ? f.dateTime(step.at) || '✓' : '–'}</Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </section>
            <section aria-label={t('adviceBesideDecision')}>
              <Title order={2} size="h3" mb="sm">
                {t('adviceBesideDecision')}
              </Title>
              <AdviceBesideDecision r={r} />
            </section>
            <Actions r={r} etag={loaded.etag} reload={loaded.reload} />
          </Stack>
        )}
      </Load>
    </Page>
  );
}
