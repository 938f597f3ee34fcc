import type { IdentityName, ServiceApi } from '@platform/testing';
import { randomInt } from 'node:crypto';
import type { AnswerLog } from './answers';

/** How far a referral is taken: submitted (advice required), decided, or placed at the offer. */
export type Stage = 'submitted' | 'decided' | 'placed';

export interface JourneyPlan {
  stage: Stage;
  /** The offer decided on and placed at (needed from `decided` on). */
  offerId?: string;
  /** Referral date, decision start and placement start. */
  date: string;
}

/** A referral the test drove, with the audited actions the referrals service answered 2xx to. */
export interface DrivenReferral {
  id: string;
  pseudonym: string;
  /** `referral.create`, `referral.submit`…: each left one audit event in the referrals service. */
  actions: string[];
  reached: boolean;
}

interface Step {
  action: string;
  path: string;
  who: IdentityName;
  stage: Stage;
  body(plan: JourneyPlan): object;
}

/** Municipality 101 refers, decides urgently (before advice) and sends; region 1084 operates the offer. */
const STEPS: readonly Step[] = [
  { action: 'referral.submit', path: 'submit', who: 'caseworker-101', stage: 'submitted', body: () => ({}) },
  {
    action: 'referral.decide',
    path: 'decision',
    who: 'caseworker-101',
    stage: 'decided',
    body: (p) => ({ offerId: p.offerId, level: 'HIGH', startDate: p.date }),
  },
  { action: 'referral.sendToOffer', path: 'send', who: 'caseworker-101', stage: 'placed', body: () => ({}) },
  { action: 'referral.accept', path: 'accept', who: 'caseworker-1084', stage: 'placed', body: () => ({}) },
  {
    action: 'referral.startPlacement',
    path: 'placement/start',
    who: 'caseworker-1084',
    stage: 'placed',
    body: (p) => ({ startDate: p.date }),
  },
];

const ORDER: Record<Stage, number> = { submitted: 0, decided: 1, placed: 2 };

/** A made-up CPR number with a real date (an adult born 1950–1999: serial 0xxx–3xxx is the 1900s). */
export function randomCpr(): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(randomInt(1, 29))}${two(randomInt(1, 13))}${two(randomInt(50, 100))}${randomInt(0, 4000)
    .toString()
    .padStart(4, '0')}`;
}

/**
 * One referral through the referrals API, as a case system would drive it: created urgent (so it may be decided
 * before advice), submitted (advice is required: level HIGH), and as far as the plan says. Each step carries the
 * ETag of the previous answer. Stops at the first answer that is not 2xx (the log has it).
 */
export async function driveReferral(
  referrals: ServiceApi,
  log: AnswerLog,
  plan: JourneyPlan,
): Promise<DrivenReferral | undefined> {
  const created = await log.send(
    'referrals',
    'create',
    (await referrals.as('caseworker-101')).post('/api/v1/referrals').send({
      cpr: randomCpr(),
      targetGroup: 'VISION',
      assessedLevel: 'HIGH',
      referralDate: plan.date,
      urgent: true,
      urgentReason: 'Akut behov for anbringelse (fault test)',
    }),
  );
  if (created?.status !== 201) return undefined;
  const body = created.body as { id: string; citizen: { pseudonym: string } };
  const referral = {
    id: body.id,
    pseudonym: body.citizen.pseudonym,
    actions: ['referral.create'],
    reached: false,
  };
  let etag = String(created.headers.etag);
  for (const step of STEPS.filter((s) => ORDER[s.stage] <= ORDER[plan.stage])) {
    const res = await log.send(
      'referrals',
      step.path,
      (await referrals.as(step.who))
        .post(`/api/v1/referrals/${referral.id}/${step.path}`)
        .set('If-Match', etag)
        .send(step.body(plan)),
    );
    if (res?.status !== 200) return referral;
    referral.actions.push(step.action);
    etag = String(res.headers.etag);
  }
  referral.reached = true;
  return referral;
}
