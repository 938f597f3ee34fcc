import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CitizenAccessLog, Referral } from '../api/types';
import type { Session } from '../auth/session';
import { fakeFetch, renderApp } from '../test-support';
import { withCursor } from './paging';

/** A referral with what the list shows; the rest of ReferralView is not read by the list. */
const referral = (n: number) =>
  ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    status: 'SUBMITTED',
    municipalityCode: '101',
    citizen: { pseudonym: `p${n}-pseudonym-0123`, ageGroup: 'ADULT' },
    targetGroup: 'AUTISM',
    assessedLevel: 'HIGH',
    referralDate: `2026-0${n}-01`,
    advice: { required: false, reasons: [], dueAt: null, overdue: false, given: null },
    decision: null,
  }) as unknown as Referral;

const LIST = '/api/referrals/v1/referrals?status=SUBMITTED&limit=50';

describe('lists beyond their first page', () => {
  it('puts the cursor beside the other query parameters', () => {
    expect(withCursor('/referrals?status=DRAFT&limit=50', 'a b/c')).toBe(
      '/referrals?status=DRAFT&limit=50&cursor=a+b%2Fc',
    );
    expect(withCursor('/advice-cases', 'x')).toBe('/advice-cases?cursor=x');
  });

  it('reads the next page with the same filters and the cursor, until the last page', async () => {
    const { fetch, calls } = fakeFetch({
      [`GET ${LIST}`]: { items: [referral(1), referral(2)], nextCursor: 'page-2' },
      [`GET ${LIST}&cursor=page-2`]: { items: [referral(3)], nextCursor: 'page-3' },
      [`GET ${LIST}&cursor=page-3`]: { items: [referral(4)], nextCursor: null },
    });
    renderApp('/referrals?status=SUBMITTED', { fetch });
    expect(await screen.findByText('p1-pseudonym')).toBeTruthy();
    expect(screen.getByText('Rækker vist: 2')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Vis flere: Mine visitationssager' }));
    expect(await screen.findByText('Rækker vist: 3')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(1 + 3);

    await userEvent.click(screen.getByRole('button', { name: /^Vis flere/ }));
    expect(await screen.findByText('Alle rækker vist: 4')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(1 + 4);
    // The last page has no next: the button is gone and its focus went to the note, not to the page's body.
    expect(screen.queryByRole('button', { name: /^Vis flere/ })).toBeNull();
    expect(document.activeElement?.textContent).toBe('Alle rækker vist: 4');
    expect(calls.map((c) => c.url)).toEqual([LIST, `${LIST}&cursor=page-2`, `${LIST}&cursor=page-3`]);
  });

  it('shows no paging control when the first page is the only one', async () => {
    const { fetch } = fakeFetch({ [`GET ${LIST}`]: { items: [referral(1)], nextCursor: null } });
    renderApp('/referrals?status=SUBMITTED', { fetch });
    expect(await screen.findByText('p1-pseudonym')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Vis flere/ })).toBeNull();
    expect(screen.queryByText(/Rækker vist/)).toBeNull();
  });

  it('keeps the rows read and says what went wrong when the next page fails, and may try again', async () => {
    const { fetch } = fakeFetch({
      [`GET ${LIST}`]: { items: [referral(1)], nextCursor: 'page-2' },
      [`GET ${LIST}&cursor=page-2`]: new Response(
        JSON.stringify({ title: 'Bad cursor', detail: 'the cursor is not one of ours', status: 400 }),
        { status: 400 },
      ),
    });
    renderApp('/referrals?status=SUBMITTED', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: /^Vis flere/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('the cursor is not one of ours');
    expect(screen.getAllByRole('row')).toHaveLength(1 + 1);
    expect(screen.getByRole('button', { name: /^Vis flere/ })).toBeTruthy();
  });

  it('starts over from the first page when the filters change', async () => {
    const drafts = '/api/referrals/v1/referrals?status=DRAFT&limit=50';
    const { fetch } = fakeFetch({
      [`GET ${LIST}`]: { items: [referral(1)], nextCursor: 'page-2' },
      [`GET ${LIST}&cursor=page-2`]: { items: [referral(2)], nextCursor: null },
      [`GET ${drafts}`]: { items: [referral(5)], nextCursor: null },
    });
    renderApp('/referrals?status=SUBMITTED', { fetch });
    await userEvent.click(await screen.findByRole('button', { name: /^Vis flere/ }));
    expect(await screen.findByText('Alle rækker vist: 2')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'DRAFT');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(1 + 1));
    expect(screen.getByText('p5-pseudonym')).toBeTruthy();
    expect(screen.queryByText(/rækker vist/i)).toBeNull();
  });

  it('pages a list whose rows are called entries (the citizen access log)', async () => {
    const auditor: Session = { name: 'Anne', orgType: 'state', orgCode: 'state', roles: ['auditor'] };
    const entry = (what: string): CitizenAccessLog['entries'][number] => ({
      at: '2026-03-01T10:00:00Z',
      organisation: { type: 'municipality', code: '101', name: 'Københavns Kommune' },
      service: 'referrals',
      action: 'referral.read',
      what,
      purpose: 'visitation',
    });
    const log = '/api/audit/v1/citizens/p-1/access-log?limit=100';
    const { fetch } = fakeFetch({
      [`GET ${log}`]: { entries: [entry('referral')], nextCursor: 'next' },
      [`GET ${log}&cursor=next`]: { entries: [entry('advice-case')], nextCursor: null },
    });
    renderApp('/citizen-access', { session: auditor, fetch });
    await userEvent.type(screen.getByLabelText('Borgerens pseudonym'), 'p-1');
    await userEvent.click(screen.getByRole('button', { name: 'Søg' }));
    await userEvent.click(await screen.findByRole('button', { name: /^Vis flere/ }));
    expect(await screen.findByRole('cell', { name: 'advice-case' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'referral' })).toBeTruthy();
  });
});
