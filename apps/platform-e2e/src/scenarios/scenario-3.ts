import { ReferralAdviceOverdue, TOPICS, type EventData } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { eventOnTopic } from '../support/events';
import { ensure, eventually } from '../support/failure';
import { newCpr } from '../support/ids';
import { registerOffer } from '../support/planning';
import { Referral } from '../support/referrals';
import type { ScenarioDefinition, ScenarioPlan, Step, StepContext } from '../support/scenario';

interface AdviceCase {
  id: string;
  status: string;
  deadline: { dueAt: string; dueDate: string; workingDaysLeft: number; overdue: boolean };
}

/** How long before the referral's advice deadline the step makes sure it is not flagged yet. */
const BEFORE_DEADLINE_MS = 5_000;

/**
 * Scenario 3 (SCENARIOS.md): an urgent placement, decided before advice, whose advice deadline then passes. Two
 * deadlines are in play: the referral's (referrals: ADVICE_DEADLINE_DAYS after submission, or ADVICE_DEADLINE on
 * a platform set up for tests), whose passing flags the referral `advice_overdue`, and the advice case's own
 * response deadline (knowledge: working days), which this scenario only shows. The last step waits for the
 * referral's deadline; on a platform where it is days away (`npm start`) that step is skipped, saying so.
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
  let adviceCaseId = '';
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
        const adviceCase = await eventually(
          `knowledge to open the advice case of referral ${referral.id}`,
          () => adviceCaseOf(ctx, referral.id),
          ctx.patience.effectMs,
        );
        ensure(
          adviceCase.status === 'ASSIGNED' && !adviceCase.deadline.overdue,
          `advice case ${adviceCase.status}, overdue ${adviceCase.deadline.overdue}`,
        );
        adviceCaseId = adviceCase.id;
        ctx.check(
          `advice case ${adviceCase.id} ASSIGNED, its own response deadline ${adviceCase.deadline.dueDate} (${adviceCase.deadline.workingDaysLeft} working days left)`,
        );
      },
    },
    {
      name: 'when the referral’s advice deadline passes without advice, the referral is flagged advice_overdue and an event says so',
      async run(ctx) {
        const due = new Date(dueAt).getTime();
        if (due - Date.now() > ctx.patience.deadlineMs) {
          ctx.skip(
            `the referral's advice deadline ${dueAt} is ${away(due - Date.now())} away (referrals' ` +
              `ADVICE_DEADLINE_DAYS); start referrals with ADVICE_DEADLINE=PT90S and ADVICE_OVERDUE_SCAN_MS=5000 ` +
              `to see it pass (docs/referrals.md)`,
          );
        }
        await notFlaggedBefore(ctx, referral, due);
        const flagged = await referral.waitUntil(
          'caseworker-101',
          `the referral to be flagged advice_overdue after its advice deadline ${dueAt}`,
          (v) => v.advice.overdue,
          Math.max(0, due - Date.now()) + ctx.patience.effectMs,
        );
        ensure(
          flagged.status === 'DECIDED' && flagged.advice.given === null,
          `flagged referral ${flagged.status}, advice ${JSON.stringify(flagged.advice.given)}`,
        );
        ctx.check(
          `the referral's advice deadline ${dueAt} passed without advice: flagged advice_overdue, still DECIDED`,
        );
        const event = await eventOnTopic<EventData<typeof ReferralAdviceOverdue>>(
          TOPICS.referral,
          ReferralAdviceOverdue.type,
          ctx.startedAt,
          (_d, key) => key === referral.id,
          ctx.patience.effectMs,
        );
        ensure(
          new Date(event.adviceDueAt).getTime() === due,
          `${ReferralAdviceOverdue.type} names the deadline ${event.adviceDueAt}, the referral ${dueAt}`,
        );
        ctx.check(`${ReferralAdviceOverdue.type} on ${TOPICS.referral} says so, naming that deadline`);
        // The advice case's response deadline (working days) is another one, and still ahead: the case waits on.
        const adviceCase = await adviceCaseOf(ctx, referral.id);
        ensure(
          adviceCase?.id === adviceCaseId && adviceCase.status === 'ASSIGNED' && !adviceCase.deadline.overdue,
          `advice case ${adviceCase?.id} ${adviceCase?.status}, overdue ${adviceCase?.deadline.overdue}`,
        );
        ctx.check(
          `advice case ${adviceCase.id} still ASSIGNED and not overdue: its own deadline ${adviceCase.deadline.dueDate} is knowledge's, in working days`,
        );
      },
    },
  ];
  return { steps, gaps: [] };
}

/** The advice case knowledge opened for the referral, as case worker 101 sees it; undefined while there is none. */
async function adviceCaseOf(ctx: StepContext, referralId: string): Promise<AdviceCase | undefined> {
  const res = await (
    await ctx.platform.knowledge.as('caseworker-101')
  ).get(`/api/v1/advice-cases?referralId=${referralId}`);
  return (res.body as { items?: AdviceCase[] }).items?.[0];
}

/**
 * Shortly before the deadline the referral is not flagged yet: the flag follows the deadline, not the decision.
 * Left out when the earlier steps took until then.
 */
async function notFlaggedBefore(ctx: StepContext, referral: Referral, due: number): Promise<void> {
  const until = due - BEFORE_DEADLINE_MS - Date.now();
  if (until <= 0) return;
  await new Promise((resolve) => setTimeout(resolve, until));
  const { view } = await referral.read('caseworker-101');
  ensure(!view.advice.overdue, `flagged advice_overdue before its deadline ${new Date(due).toISOString()}`);
  ctx.check(`not flagged ${BEFORE_DEADLINE_MS / 1000} s before the deadline`);
}

const away = (ms: number) =>
  ms >= 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 60_000)} min`;
