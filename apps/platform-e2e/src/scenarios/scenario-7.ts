import { todayInDenmark } from '@platform/domain';
import type { AuthorizedAgent, IdentityName } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import { waitForLedgerRows } from '../support/audit';
import { ensure, eventually, expectStatus, type Answer } from '../support/failure';
import { newCpr } from '../support/ids';
import { registerOffer, responsibilityOn } from '../support/planning';
import type { PlatformService } from '../support/platform';
import { Referral } from '../support/referrals';
import type { ScenarioDefinition, Step, StepContext } from '../support/scenario';

const GROUP = 'COMPLEX_COMMUNICATION';

/** One refused attempt: who, what, the status it must get, and the request id its DENIED audit event carries. */
interface Attempt {
  label: string;
  requestId: string;
}

/**
 * Scenario 7 (SCENARIOS.md): access is split between municipalities, regions and the state, and every refused
 * attempt is in the audit ledger as DENIED (found by the X-Request-Id each attempt sends).
 */
export const scenario7: ScenarioDefinition = {
  number: 7,
  title: 'access is split',
  plan() {
    const today = todayInDenmark();
    const attempts: Attempt[] = [];
    let of751: Referral;
    let submittedOf101: Referral;
    let sentOf101: Referral;
    let sentCpr = '';
    let adviceCaseId = '';

    /** Makes a call that must be refused with `status`, under a request id of its own. */
    const refused = async (
      ctx: StepContext,
      service: PlatformService,
      who: IdentityName,
      label: string,
      status: number,
      call: (agent: AuthorizedAgent) => Test,
    ): Promise<Answer> => {
      const requestId = `${ctx.runTag}-denied-${attempts.length + 1}`;
      const res = await call(await service.as(who)).set('X-Request-Id', requestId);
      expectStatus(label, res, status);
      attempts.push({ label, requestId });
      ctx.check(`${label}: ${status}`);
      return res;
    };

    const steps: Step[] = [
      {
        name: '751 and 101 have referrals; 101 sends one to an offer of region 1084, not yet accepted',
        async run(ctx) {
          const responsibility = await responsibilityOn(ctx.platform, GROUP, today);
          ensure(
            responsibility === 'MUNICIPAL',
            `${GROUP} is ${responsibility}; the scenario needs MUNICIPAL`,
          );
          const moderate = (who: IdentityName) =>
            Referral.create(ctx.platform, who, {
              cpr: newCpr(1988),
              targetGroup: GROUP,
              assessedLevel: 'MODERATE',
              referralDate: today,
            });
          of751 = await moderate('caseworker-751');
          submittedOf101 = await Referral.create(ctx.platform, 'caseworker-101', {
            cpr: newCpr(1979),
            targetGroup: 'VISION',
            assessedLevel: 'HIGH',
            referralDate: today,
          });
          await submittedOf101.do('caseworker-101', 'submit');
          const offer = await registerOffer(ctx.platform, '1084', {
            name: `Kommunikationscenter Hovedstaden ${ctx.runTag}`,
            targetGroups: [GROUP],
            level: 'MODERATE',
            places: 5,
          });
          sentCpr = newCpr(1975);
          sentOf101 = await Referral.create(ctx.platform, 'caseworker-101', {
            cpr: sentCpr,
            targetGroup: GROUP,
            assessedLevel: 'MODERATE',
            referralDate: today,
          });
          await sentOf101.do('caseworker-101', 'submit');
          await sentOf101.doOnceKnown(
            'caseworker-101',
            'decision',
            { offerId: offer.id, level: 'MODERATE', startDate: today },
            ctx.patience.effectMs,
          );
          await sentOf101.do('caseworker-101', 'send');
          ctx.check(
            `751's referral ${of751.id}; 101's ${submittedOf101.id} (awaiting advice) and ${sentOf101.id} (sent to 1084)`,
          );
          const caseworker = await ctx.platform.knowledge.as('caseworker-101');
          adviceCaseId = await eventually(
            `knowledge to open the advice case of referral ${submittedOf101.id}`,
            async () => {
              const res = await caseworker.get(`/api/v1/advice-cases?referralId=${submittedOf101.id}`);
              return (res.body as { items?: { id: string }[] }).items?.[0]?.id;
            },
            ctx.patience.effectMs,
          );
          ctx.check(`advice case ${adviceCaseId} open for 101's referral`);
        },
      },
      {
        name: 'the case worker of 101 cannot read a referral of 751, give advice, or decide a refusion claim',
        async run(ctx) {
          const { referrals, knowledge, financing } = ctx.platform;
          await refused(ctx, referrals, 'caseworker-101', 'caseworker-101 reads 751’s referral', 404, (a) =>
            a.get(`/api/v1/referrals/${of751.id}`),
          );
          await refused(
            ctx,
            knowledge,
            'caseworker-101',
            'caseworker-101 gives advice on its own case',
            403,
            (a) =>
              a
                .post(`/api/v1/advice-cases/${adviceCaseId}/advice`)
                .set('If-Match', 'W/"1"')
                .send({ level: 'HIGH', offerId: randomUUID(), rationale: 'A case worker may not advise' }),
          );
          const claims = await (await financing.as('finance-state')).get('/api/v1/refusion-claims');
          const claimId = (claims.body as { items?: { id: string }[] }).items?.[0]?.id ?? randomUUID();
          await refused(
            ctx,
            financing,
            'caseworker-101',
            'caseworker-101 decides a refusion claim',
            403,
            (a) =>
              a
                .post(`/api/v1/refusion-claims/${claimId}/decision`)
                .set('If-Match', 'W/"1"')
                .send({ lines: [{ lineNo: 1, approved: true }] }),
          );
        },
      },
      {
        name: 'region 1084 cannot see a referral not sent to its offers, nor the CPR of one sent before it accepts',
        async run(ctx) {
          const { referrals } = ctx.platform;
          await refused(
            ctx,
            referrals,
            'caseworker-1084',
            'caseworker-1084 reads 101’s referral awaiting advice',
            404,
            (a) => a.get(`/api/v1/referrals/${submittedOf101.id}`),
          );
          const sent = await (await referrals.as('caseworker-1084')).get(`/api/v1/referrals/${sentOf101.id}`);
          expectStatus('caseworker-1084 reads the referral sent to its offer', sent, 200);
          ensure(!JSON.stringify(sent.body).includes(sentCpr), 'the referral view shows the CPR number');
          ctx.check('caseworker-1084 reads the referral sent to its offer (200), pseudonym only');
          await refused(
            ctx,
            referrals,
            'caseworker-1084',
            'caseworker-1084 reads its CPR before accepting',
            403,
            (a) => a.get(`/api/v1/referrals/${sentOf101.id}/citizen`),
          );
          await sentOf101.do('caseworker-1084', 'accept');
          const citizen = await (
            await referrals.as('caseworker-1084')
          ).get(`/api/v1/referrals/${sentOf101.id}/citizen`);
          expectStatus('caseworker-1084 reads the CPR after accepting', citizen, 200);
          ensure((citizen.body as { cpr: string }).cpr === sentCpr, 'the operator got another CPR number');
          ctx.check('after accepting, caseworker-1084 reads the CPR (200, audited)');
        },
      },
      {
        name: 'the state sees no CPR anywhere',
        async run(ctx) {
          const { referrals, knowledge } = ctx.platform;
          await refused(ctx, referrals, 'auditor-state', 'auditor-state reads a referral', 403, (a) =>
            a.get(`/api/v1/referrals/${sentOf101.id}`),
          );
          await refused(
            ctx,
            referrals,
            'planner-state',
            'planner-state reads the CPR of a referral',
            403,
            (a) => a.get(`/api/v1/referrals/${sentOf101.id}/citizen`),
          );
          await refused(ctx, referrals, 'state-system', 'state-system lists referrals', 403, (a) =>
            a.get('/api/v1/referrals'),
          );
          const adviceCase = await (
            await knowledge.as('auditor-state')
          ).get(`/api/v1/advice-cases/${adviceCaseId}`);
          expectStatus('auditor-state reads the advice case', adviceCase, 200);
          const text = JSON.stringify(adviceCase.body);
          ensure(
            !/"cpr"/i.test(text) && !/\b\d{6}-?\d{4}\b/.test(text),
            'the advice case shows a CPR number',
          );
          ctx.check('auditor-state reads the advice case: a pseudonym, no CPR number');
        },
      },
      {
        name: 'every one of these attempts left a DENIED audit event',
        async run(ctx) {
          const expected = Object.fromEntries(
            attempts.map((a) => [
              a.label,
              (row: { requestId: string | null }) => row.requestId === a.requestId,
            ]),
          );
          const rows = await waitForLedgerRows(
            ctx.platform,
            { outcome: 'DENIED', from: ctx.startedAt.toISOString() },
            expected,
            ctx.patience.auditMs,
          );
          for (const attempt of attempts) {
            const row = rows.find((r) => r.requestId === attempt.requestId)!;
            ctx.check(
              `DENIED ${row.service} ${row.action} by ${row.actor.orgType} ${row.actor.orgCode} (${attempt.label})`,
            );
          }
        },
      },
    ];
    return { steps, gaps: [] };
  },
};
