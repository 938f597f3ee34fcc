import { getToken } from '@platform/testing';
import fc from 'fast-check';
import { ReferralApi } from './support/referral-api';
import type { SpecialtyPlanning, TestOffer } from './support/specialty-planning';
import { useReferralsApp } from './support/harness';
import type { ReferralsTestApp } from './support/referrals-app';

/** Bodies that are sometimes nearly right: real field names with random values, plus random extra fields. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    'HIGH',
    'LIGHT',
    'VISION',
    '2026-04-01',
    '0101901234',
    'NO_CAPACITY',
    '31129912345',
    '',
    '0000000000',
  ),
  fc.uuid(),
);
const body = (fields: string[]) =>
  fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__', 'constructor'), fieldValue, {
      maxKeys: 6,
    }),
  );

describe('random bodies never produce a 5xx and never change state when refused', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let planning: SpecialtyPlanning;
  let offer: TestOffer;
  let token: string;

  useReferralsApp((h) => ({ t, api, planning } = h));

  beforeAll(async () => {
    offer = await planning.registerOffer({ level: 'LIGHT', targetGroups: ['HEARING'] });
    token = await getToken('caseworker-101');
  });

  const snapshot = async (id: string) => {
    const row = await t.prisma.referral.findUniqueOrThrow({ where: { id } });
    return {
      status: row.status,
      version: row.version,
      outbox: await t.prisma.outboxMessage.count({
        where: { messageKey: id, topic: 'referrals.referral.v1' },
      }),
    };
  };

  it('on create', async () => {
    await fc.assert(
      fc.asyncProperty(
        body([
          'cpr',
          'targetGroup',
          'assessedLevel',
          'referralDate',
          'caseworkerDoubt',
          'urgent',
          'urgentReason',
        ]),
        async (b) => {
          const before = await t.prisma.referral.count();
          const res = await api
            .http()
            .post('/api/v1/referrals')
            .auth(token, { type: 'bearer' })
            .send(JSON.stringify(b))
            .set('Content-Type', 'application/json');
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(await t.prisma.referral.count()).toBe(before);
        },
      ),
      { numRuns: 60 },
    );
  });

  it.each([
    ['submit', ['reason']],
    ['decision', ['offerId', 'level', 'startDate', 'justification']],
  ])('on %s', async (path, fields) => {
    const { id } = await api.create('caseworker-101', { targetGroup: 'HEARING', assessedLevel: 'LIGHT' });
    if (path === 'decision') await api.command('caseworker-101', id, 'submit');
    await fc.assert(
      fc.asyncProperty(body(fields), async (b) => {
        const before = await snapshot(id);
        const res = await api.command('caseworker-101', id, path, b, `W/"${before.version}"`);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot(id)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('on reject', async () => {
    const { id } = await api.create('caseworker-101', { targetGroup: 'HEARING', assessedLevel: 'LIGHT' });
    await api.command('caseworker-101', id, 'submit');
    await api.command('caseworker-101', id, 'decision', {
      offerId: offer.offerId,
      level: 'LIGHT',
      startDate: '2026-05-01',
    });
    await api.command('caseworker-101', id, 'send');
    await fc.assert(
      fc.asyncProperty(body(['reason', 'note']), async (b) => {
        const before = await snapshot(id);
        const res = await api.command('caseworker-1084', id, 'reject', b, `W/"${before.version}"`);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await snapshot(id)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
