import { Button, Checkbox, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useApp } from '../app-context';
import type { Referral } from '../api/types';
import { LEVELS, TARGET_GROUPS } from '../api/types';
import { useDraft } from '../drafts';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';
import { ErrorNote, Page } from '../ui/page';

export interface ReferralDraft {
  cpr: string;
  targetGroup: string;
  assessedLevel: string;
  referralDate: string;
  caseworkerDoubt: boolean;
  urgent: boolean;
  urgentReason: string;
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** Create a referral and submit it at once. The draft survives a new sign-in (sessionStorage). */
export function NewReferralView() {
  const { t } = useI18n();
  const { api } = useApp();
  const { navigate } = useRouter();
  const [draft, setDraft, clearDraft] = useDraft<ReferralDraft>('new-referral', {
    cpr: '',
    targetGroup: 'AUTISM',
    assessedLevel: 'MODERATE',
    referralDate: today(),
    caseworkerDoubt: false,
    urgent: false,
    urgentReason: '',
  });
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ReferralDraft>) => setDraft({ ...draft, ...patch });

  const createAndSubmit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.send<Referral>('referrals', 'POST', '/referrals', {
        cpr: draft.cpr,
        targetGroup: draft.targetGroup,
        assessedLevel: draft.assessedLevel,
        referralDate: draft.referralDate,
        caseworkerDoubt: draft.caseworkerDoubt,
        urgent: draft.urgent,
        ...(draft.urgent ? { urgentReason: draft.urgentReason } : {}),
      });
      await api.send('referrals', 'POST', `/referrals/${created.body.id}/submit`, {}, created.etag);
      clearDraft();
      navigate(`/referrals/${created.body.id}`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('view.newReferral')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void createAndSubmit();
        }}
      >
        <Stack gap="sm" maw={480}>
          <TextInput
            label={t('cpr')}
            required
            autoComplete="off"
            value={draft.cpr}
            onChange={(e) => set({ cpr: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('targetGroup')}
            value={draft.targetGroup}
            data={[...TARGET_GROUPS]}
            onChange={(e) => set({ targetGroup: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('level')}
            value={draft.assessedLevel}
            data={[...LEVELS]}
            onChange={(e) => set({ assessedLevel: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('referralDate')}
            value={draft.referralDate}
            onChange={(e) => set({ referralDate: e.currentTarget.value })}
          />
          <Checkbox
            label={t('caseworkerDoubt')}
            checked={draft.caseworkerDoubt}
            onChange={(e) => set({ caseworkerDoubt: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('urgent')}
            checked={draft.urgent}
            onChange={(e) => set({ urgent: e.currentTarget.checked })}
          />
          {draft.urgent && (
            <Textarea
              label={t('urgentReason')}
              value={draft.urgentReason}
              onChange={(e) => set({ urgentReason: e.currentTarget.value })}
            />
          )}
          {error && <ErrorNote error={error} />}
          <Group>
            <Button type="submit" loading={busy}>
              {t('createAndSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
