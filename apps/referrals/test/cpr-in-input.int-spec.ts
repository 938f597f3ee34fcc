import { getToken } from '@platform/testing';
import { ReferralApi } from './support/referral-api';
import type { SpecialtyPlanning } from './support/specialty-planning';
import { useReferralsApp } from './support/harness';
import { newReferralBody } from './support/referral-factory';
import type { ReferralsTestApp } from './support/referrals-app';

/** A CPR number with a real date (1 January 1990), as a case worker might paste it into a text field. */
const CPR_IN_TEXT = 'The citizen 010190-1234 needs a place at once';
/** Born 1 June 2026 (serial digit 4, year 26: the 2000s): before today, after the referral date used. */
const BORN_JUNE_2026 = '0106264321';
/** Born 1 January 2030: in the future. */
const BORN_2030 = '0101304321';
const CPR_PATTERN = /\d{6}-?\d{4}/;

/**
 * Issue 7, finding 8: a CPR whose date of birth is after the referral date was a 500; it is a 400 naming the
 * field. Free-text fields (urgent reason, deviation justification, rejection note, withdrawal reason) refuse a
 * CPR number with a 400 naming the field; nothing is stored, no event written, and the answer does not repeat it.
 */
/** The body with the given referral date, or none (the service then takes today). */
function withReferralDate(body: Record<string, unknown>, referralDate: string | undefined) {
  const copy = { ...body };
  delete copy.referralDate;
  return referralDate ? { ...copy, referralDate } : copy;
}

describe('CPR numbers where they do not belong', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let planning: SpecialtyPlanning;

  useReferralsApp((h) => ({ t, api, planning } = h));

  const postCreate = async (body: Record<string, unknown>) =>
    api
      .http()
      .post('/api/v1/referrals')
      .auth(await getToken('caseworker-101'), { type: 'bearer' })
      .send(body);

  /**
   * The referral's row version and its outbox rows (events and audit of changes): what a refused call must not
   * change. Reads are audited too (the ETag is read before each command), so audited reads are left out.
   */
  const footprint = async (id: string) => ({
    version: (await t.prisma.referral.findUniqueOrThrow({ where: { id } })).version,
    outbox: Number(
      (
        await t.prisma.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM outbox
          WHERE message_key = ${id} AND coalesce(payload->>'action', '') <> 'referral.read'`
      )[0].n,
    ),
  });

  function expectFieldError(res: { status: number; body: unknown; text: string }, pointer: string) {
    expect(res.status).toBe(400);
    const body = res.body as { type: string; errors: { pointer: string }[] };
    expect(body.type).toBe('urn:dk:social:problem:validation-error');
    expect(body.errors.map((e) => e.pointer)).toContain(pointer);
    // The problem's `instance` is the path, whose referral UUID may hold a CPR-shaped digit run by chance.
    const answer = { ...(res.body as Record<string, unknown>), instance: undefined };
    expect(JSON.stringify(answer)).not.toMatch(CPR_PATTERN);
  }

  it('answers a CPR born after the referral date with 400 naming /referralDate, storing nothing', async () => {
    const before = await t.prisma.referral.count();
    const res = await postCreate(newReferralBody({ cpr: BORN_JUNE_2026, referralDate: '2026-03-01' }));
    expectFieldError(res, '/referralDate');
    expect(res.text).not.toContain('2026-06-01');
    expect(await t.prisma.referral.count()).toBe(before);
  });

  it.each([
    ['dated today', undefined],
    ['with an earlier referral date', '2026-03-01'],
  ])('answers a CPR born in the future (%s) with 400 naming /cpr', async (_, referralDate) => {
    const res = await postCreate(withReferralDate(newReferralBody({ cpr: BORN_2030 }), referralDate));
    expectFieldError(res, '/cpr');
    expect(res.text).not.toContain('2030');
  });

  it('refuses a CPR number in the urgent reason (/urgentReason) and creates nothing', async () => {
    const before = {
      referrals: await t.prisma.referral.count(),
      outbox: await t.prisma.outboxMessage.count(),
    };
    const res = await postCreate(newReferralBody({ urgent: true, urgentReason: CPR_IN_TEXT }));
    expectFieldError(res, '/urgentReason');
    expect(await t.prisma.referral.count()).toBe(before.referrals);
    expect(await t.prisma.outboxMessage.count()).toBe(before.outbox);
  });

  it('refuses a CPR number in the withdrawal reason (/reason) and changes nothing', async () => {
    const { id } = await api.create('caseworker-101');
    const before = await footprint(id);
    const res = await api.command('caseworker-101', id, 'withdraw', { reason: CPR_IN_TEXT });
    expectFieldError(res, '/reason');
    expect(await footprint(id)).toEqual(before);
    expect((await api.get('caseworker-101', id)).body.status).toBe('DRAFT');
  });

  it('refuses a CPR number in the justification (/justification) and changes nothing', async () => {
    const offer = await planning.registerOffer({ level: 'LIGHT', targetGroups: ['HEARING'] });
    const { id } = await api.create('caseworker-101', { targetGroup: 'HEARING', assessedLevel: 'LIGHT' });
    await api.command('caseworker-101', id, 'submit');
    const before = await footprint(id);
    const res = await api.command('caseworker-101', id, 'decision', {
      offerId: offer.offerId,
      level: 'LIGHT',
      startDate: '2026-05-01',
      justification: CPR_IN_TEXT,
    });
    expectFieldError(res, '/justification');
    expect(await footprint(id)).toEqual(before);
  });

  it('refuses a CPR number in the rejection note (/note) and changes nothing', async () => {
    const offer = await planning.registerOffer({ level: 'LIGHT', targetGroups: ['HEARING'] });
    const { id } = await api.create('caseworker-101', { targetGroup: 'HEARING', assessedLevel: 'LIGHT' });
    await api.command('caseworker-101', id, 'submit');
    const decision = { offerId: offer.offerId, level: 'LIGHT', startDate: '2026-05-01' };
    expect((await api.command('caseworker-101', id, 'decision', decision)).status).toBe(200);
    expect((await api.command('caseworker-101', id, 'send')).status).toBe(200);
    const before = await footprint(id);
    const res = await api.command('caseworker-1084', id, 'reject', { reason: 'OTHER', note: CPR_IN_TEXT });
    expectFieldError(res, '/note');
    expect(await footprint(id)).toEqual(before);
    expect((await api.get('caseworker-101', id)).body.status).toBe('SENT_TO_OFFER');
  });

  it('still accepts free text with other numbers (phone, journal, dates)', async () => {
    const reason = 'Phone 33 44 55 66, journal 2026-1234, since 2026-03-01';
    const res = await postCreate(newReferralBody({ urgent: true, urgentReason: reason }));
    expect(res.status).toBe(201);
    expect(res.body.urgentReason).toBe(reason);
  });
});
