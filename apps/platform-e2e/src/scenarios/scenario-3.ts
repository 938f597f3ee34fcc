import { ReferralAdviceOverdue, TOPICS } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { eventOnTopic } from '../support/events';
import { ensure, eventually, ScenarioFailure } from '../support/failure';
import { newCpr } from '../support/ids';
import { registerOffer } from '../support/planning';
import { Referral } from '../support/referrals';
import type { GapStep, ScenarioDefinition, ScenarioPlan, Step } from '../support/scenario';

interface AdviceCase {
  id: string;
  status: string;
  deadline: { dueAt: string; dueDate: string; workingDaysLeft: number; overdue: boolean };
}

/**
 * Scenario 3 (SCENARIOS.md): an urgent placement, decided before advice. Its last part, the deadline passing, is
 * a gap step: the referral's deadline lies ADVICE_DEADLINE_DAYS (at least 1 day, apps/referrals config) after
 * submission, and no API lets a run bring it closer or move the services' clock, so a run cannot see it pass.
 */
export const scenario3: ScenarioDefinition = {
  number: 3,
  title: 'urgent placement',
  plan: urgentSteps,
};

function urgentSteps(): ScenarioPlan {
  const today = todayInDenmark();
  let offerId = '';
  let referral: Referral;
  let dueAt = '';
  const steps: Step[] = [
    {
      name: 'region 1084 runs a HIGH autism offer',
      async run(ctx) {
        offerId = (
          await registerOffer(ctx.platform, '1084', {
            name: `Akuttilbud autisme Hovedstaden ${ctx.runTag}`,
            targetGroups: ['AUTISM'],
            level: 'HIGH',
            places: 4,
          })
        ).id;
        ctx.check(`offer ${offerId} registered by planner-1084`);
      },
    },
    {
      name: 'a case worker of 101 submits an urgent referral with a reason; advice is required, with a deadline',
      async run(ctx) {
        referral = await Referral.create(ctx.platform, 'caseworker-101', {
          cpr: newCpr(1992),
          targetGroup: 'AUTISM',
          assessedLevel: 'HIGH',
          referralDate: today,
          urgent: true,
          urgentReason: 'The citizen cannot stay at home tonight',
        });
        const submitted = await referral.do('caseworker-101', 'submit');
        ensure(
          submitted.status === 'AWAITING_ADVICE' && submitted.advice.dueAt,
          `submitted: ${submitted.status}`,
        );
        dueAt = submitted.advice.dueAt;
        ctx.check(`referral ${referral.id} urgent, AWAITING_ADVICE, advice due ${dueAt}`);
      },
    },
    {
      name: 'it is decided before advice',
      async run(ctx) {
        const decided = await referral.doOnceKnown(
          'caseworker-101',
          'decision',
          { offerId, level: 'HIGH', startDate: today },
          ctx.patience.effectMs,
        );
        ensure(
          decided.status === 'DECIDED' &&
            decided.decision?.decidedBeforeAdvice === true &&
            decided.decision.followsAdvice === null,
          `decision ${JSON.stringify(decided.decision)}`,
        );
        ensure(decided.advice.required === true && !decided.advice.overdue, 'advice no longer required');
        ctx.check(
          'DECIDED with decidedBeforeAdvice true, followsAdvice null; advice still required, not overdue',
        );
      },
    },
    {
      name: 'the advice case stays open with a deadline',
      async run(ctx) {
        const caseworker = await ctx.platform.knowledge.as('caseworker-101');
        const adviceCase = await eventually(
          `knowledge to open the advice case of referral ${referral.id}`,
          async () => {
            const res = await caseworker.get(`/api/v1/advice-cases?referralId=${referral.id}`);
            return (res.body as { items?: AdviceCase[] }).items?.[0];
          },
          ctx.patience.effectMs,
        );
        ensure(
          adviceCase.status === 'ASSIGNED' && !adviceCase.deadline.overdue,
          `advice case ${adviceCase.status}, overdue ${adviceCase.deadline.overdue}`,
        );
        ctx.check(
          `advice case ${adviceCase.id} ASSIGNED, due ${adviceCase.deadline.dueDate} (${adviceCase.deadline.workingDaysLeft} working days left)`,
        );
      },
    },
  ];
  const gaps: GapStep[] = [
    {
      name: 'when the deadline passes without advice the referral is flagged advice_overdue and an event says so',
      gap:
        'the referral’s advice deadline is ADVICE_DEADLINE_DAYS (1–365 days) after submission and no API or ' +
        'setting lets a run reach it (no shorter deadline, no clock control); only the in-process test can call ' +
        'the overdue scan with a later instant (apps/referrals/test/urgent.int-spec.ts)',
      async run(ctx) {
        const wait = new Date(dueAt).getTime() - Date.now() + 2 * 60_000;
        if (wait > ctx.patience.effectMs) {
          throw new ScenarioFailure(
            `the advice deadline is ${dueAt}, ${Math.round(wait / 3_600_000)} h away: a run cannot see it pass (${this.gap})`,
          );
        }
        await referral.waitUntil('caseworker-101', 'advice_overdue', (v) => v.advice.overdue, wait);
        ctx.check('the referral is flagged advice_overdue');
        await eventOnTopic(
          TOPICS.referral,
          ReferralAdviceOverdue.type,
          ctx.startedAt,
          (_d, key) => key === referral.id,
          ctx.patience.effectMs,
        );
        ctx.check(`${ReferralAdviceOverdue.type} says so`);
      },
    },
  ];
  return { steps, gaps };
}
