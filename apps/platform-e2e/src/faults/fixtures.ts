import { eventually, registerOffer } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { AnswerLog } from './answers';
import { adviceCases, auditRows, costLines, occupancy } from './effects';
import type { Platform } from './platform';
import { sleep } from './pool';
import { driveReferral, type DrivenReferral, type JourneyPlan } from './referral-journey';

/** A name no earlier run used: the test databases keep every run's rows. */
export const runName = (what: string) => `${what} ${randomUUID().slice(0, 8)} (fault test)`;

/**
 * A VISION offer of region 1084 with room for every placement of the test, registered in specialty planning;
 * when financing runs, region 1084 sets its day rate for the year so placements make cost lines.
 */
export async function placeableOffer(platform: Platform, places: number, today: string): Promise<string> {
  const { offerId } = await registerOffer(platform.api('specialty-planning'), {
    name: runName('Synscenter'),
    places,
    operatorOrgCode: '1084',
  });
  if (platform.has('financing')) {
    // 404 until financing has the offer from OfferUpdated.
    await eventually(async () => {
      const res = await (
        await platform.get('financing').as('planner-1084')
      )
        .put(`/api/v1/offers/${offerId}/rates/${today.slice(0, 4)}`)
        .send({ unit: 'DAY', amount: '4500.00' });
      return res.status === 200;
    }, 60_000);
  }
  return offerId;
}

/**
 * One referral through the whole platform before the fault: proves the services consume each other's events
 * and that their consumers have caught up with what earlier runs left on the topics. Retries until the referrals
 * service knows the offer (a decision on an unknown offer is refused).
 */
export async function warmUp(platform: Platform, plan: JourneyPlan): Promise<void> {
  const { stage, offerId, date: today } = plan;
  const since = new Date();
  let referral: DrivenReferral | undefined;
  await eventually(async () => {
    referral = await driveReferral(platform.api('referrals'), new AnswerLog(), plan);
    if (!referral?.reached) await sleep(500);
    return referral?.reached === true;
  }, 60_000);
  const { id, actions } = referral!;
  const applied = async () => {
    const checks: Promise<boolean>[] = [];
    if (platform.has('knowledge'))
      checks.push(adviceCases(platform.api('knowledge'), [id]).then((c) => c.perReferral.get(id) === 1));
    if (platform.has('specialty-planning') && stage === 'placed')
      checks.push(occupancy(platform.api('specialty-planning'), offerId!).then((n) => n === 1));
    if (platform.has('financing') && stage === 'placed')
      checks.push(costLines(platform.api('financing'), today.slice(0, 7)).then((c) => c.get(id) === 1));
    if (platform.has('audit'))
      checks.push(
        auditRows(platform.api('audit'), 'referrals', since).then((rows) =>
          actions.every((a) => rows.get(`${id} ${a}`) === 1),
        ),
      );
    return (await Promise.all(checks)).every(Boolean);
  };
  await eventually(applied, 180_000);
}
