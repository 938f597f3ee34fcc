import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Referral } from './api/types';
import { fakeFetch, renderApp } from './test-support';

const referral: Referral = {
  id: '11111111-1111-4111-8111-111111111111',
  status: 'DECIDED',
  municipalityCode: '101',
  citizen: { pseudonym: 'abcdef0123456789', ageGroup: 'CHILD' },
  targetGroup: 'AUTISM',
  assessedLevel: 'HIGH',
  referralDate: '2026-01-15',
  caseworkerDoubt: false,
  urgent: false,
  urgentReason: null,
  advice: {
    required: true,
    reasons: ['HIGH_LEVEL'],
    dueAt: '2026-02-01T12:00:00Z',
    overdue: false,
    given: {
      adviceCaseId: null,
      level: 'HIGH',
      offerId: '22222222-2222-4222-8222-222222222222',
      rationale: 'Højt specialiseret tilbud anbefales',
      givenAt: '2026-01-20T10:00:00Z',
    },
  },
  decision: {
    offerId: '33333333-3333-4333-8333-333333333333',
    level: 'MODERATE',
    startDate: '2026-03-01',
    decidedAt: '2026-01-25T10:00:00Z',
    decidedBeforeAdvice: false,
    followsAdvice: false,
    deviation: true,
    deviationReasons: ['LOWER_LEVEL', 'OTHER_OFFER'],
    deviationJustification: 'Nærhed til familien vejer tungere i denne sag',
  },
  operatorOrgCode: '1084',
  rejection: null,
  placement: null,
  withdrawnReason: null,
  version: 4,
  createdAt: '2026-01-15T09:00:00Z',
  updatedAt: '2026-01-25T10:00:00Z',
};

describe('the signed-in console', () => {
  it('shows the organisation and the role in the header, and only the views of the role', async () => {
    renderApp('/referrals', {
      fetch: fakeFetch({ 'GET /api/referrals/v1/referrals?limit=50': { items: [], nextCursor: null } }).fetch,
    });
    const identity = screen.getByTestId('identity');
    expect(identity.textContent).toContain('Kommune 101');
    expect(identity.textContent).toContain('Sagsbehandler');
    const nav = screen.getByRole('navigation');
    expect(nav.textContent).toContain('Mine visitationssager');
    expect(nav.textContent).not.toContain('Revisionslog');
    expect(await screen.findByText('Ingen at vise')).toBeTruthy();
  });

  it('says "not allowed" for a typed path the role may not use, and calls no service', () => {
    const { fetch, calls } = fakeFetch({});
    renderApp('/audit', { fetch });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ikke tilladt');
    expect(calls).toEqual([]);
  });

  it('shows the advice beside the decision and flags the deviation', async () => {
    const { fetch } = fakeFetch({ [`GET /api/referrals/v1/referrals/${referral.id}`]: referral });
    renderApp(`/referrals/${referral.id}`, { fetch });
    expect(await screen.findByText('Højt specialiseret tilbud anbefales')).toBeTruthy();
    expect(screen.getAllByText('Afviger fra rådgivningen').length).toBeGreaterThan(0);
    expect(screen.getByText(/Nærhed til familien/)).toBeTruthy();
    expect(screen.getByText('Afgjort')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send til tilbud' })).toBeTruthy();
  });

  it('keeps what was typed in a new referral when the session expires, and restores it after sign-in', async () => {
    const onExpired = vi.fn();
    const expiredFetch = fakeFetch({ 'POST /api/referrals/v1/referrals': new Response('', { status: 401 }) });
    const first = renderApp('/referrals/new', { fetch: expiredFetch.fetch, onExpired });
    await userEvent.type(screen.getByLabelText(/CPR-nummer/), '1503851234');
    await userEvent.click(screen.getByRole('button', { name: 'Opret og indsend' }));
    await waitFor(() => expect(onExpired).toHaveBeenCalled());
    first.unmount();

    // After the redirect through Keycloak the page loads anew: the draft comes back from sessionStorage.
    renderApp('/referrals/new', { expired: false });
    expect((screen.getByLabelText(/CPR-nummer/) as HTMLInputElement).value).toBe('1503851234');
  });

  it('asks to sign in again when the session has expired', async () => {
    const signIn = vi.fn();
    renderApp('/referrals/new', { expired: true, signIn });
    await userEvent.click(await screen.findByRole('button', { name: 'Log ind igen' }));
    expect(signIn).toHaveBeenCalled();
  });

  it('sends a new referral with an Idempotency-Key and submits it with the ETag it got', async () => {
    const created = { ...referral, id: '44444444-4444-4444-8444-444444444444', status: 'DRAFT' };
    const { fetch, calls } = fakeFetch({
      'POST /api/referrals/v1/referrals': created,
      [`POST /api/referrals/v1/referrals/${created.id}/submit`]: { ...created, status: 'SUBMITTED' },
      [`GET /api/referrals/v1/referrals/${created.id}`]: { ...created, status: 'READY_FOR_DECISION' },
    });
    renderApp('/referrals/new', { fetch });
    await userEvent.type(screen.getByLabelText(/CPR-nummer/), '1503851234');
    await userEvent.click(screen.getByRole('button', { name: 'Opret og indsend' }));
    await waitFor(() => expect(window.location.pathname).toBe(`/referrals/${created.id}`));
    const [create, submit] = calls.filter((c) => c.method === 'POST');
    expect(JSON.parse(create!.body!)).toMatchObject({ cpr: '1503851234', targetGroup: 'AUTISM' });
    expect(create!.headers.get('idempotency-key')).toBeTruthy();
    expect(submit!.headers.get('if-match')).toBe('W/"1"');
    expect(sessionStorage.getItem('console.draft.new-referral')).toBeNull();
  });
});
