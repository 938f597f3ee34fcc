import { describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import { matchView, viewsFor } from './registry';

const who = (orgType: Session['orgType'], role: Session['roles'][number]): Session => ({
  name: 'x',
  orgType,
  orgCode: orgType === 'state' ? 'state' : orgType === 'region' ? '1084' : '101',
  roles: [role],
});
const paths = (s: Session) => viewsFor(s).map((v) => v.path);

describe('views offered per organisation and role', () => {
  it('offers a municipal case worker the referral views and nothing of the region or the state', () => {
    expect(paths(who('municipality', 'caseworker'))).toEqual([
      '/referrals',
      '/referrals/new',
      '/advice-received',
      '/invoices-to-pay',
      '/claims',
    ]);
  });

  it('offers the region operator the worklist only, the planner offers and functions, the advisor the queue', () => {
    expect(paths(who('region', 'caseworker'))).toEqual(['/worklist']);
    expect(paths(who('region', 'planner'))).toEqual([
      '/offers',
      '/functions',
      '/invoices-issued',
      '/block-grant',
      '/needs-gaps',
    ]);
    expect(paths(who('region', 'advisor'))).toEqual(['/advice-queue']);
  });

  it('offers the state planner the plan, finance the claims, the auditor the ledger', () => {
    expect(paths(who('state', 'planner'))).toEqual([
      '/plan',
      '/responsibility',
      '/needs-gaps',
      '/deviations',
    ]);
    expect(paths(who('state', 'finance'))).toEqual(['/decide-claims']);
    expect(paths(who('state', 'auditor'))).toEqual(['/audit', '/citizen-access']);
  });

  it('matches literal paths before parameters', () => {
    expect(matchView('/referrals/new')?.view.label).toBe('view.newReferral');
    expect(matchView('/referrals/abc')).toMatchObject({ view: { label: 'view.referral' }, params: ['abc'] });
    expect(matchView('/nowhere')).toBeUndefined();
  });
});
