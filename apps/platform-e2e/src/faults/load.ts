import type { AnswerLog } from './answers';
import type { ServiceApi } from '@platform/testing';
import { sleep } from './pool';
import { driveReferral, type DrivenReferral, type JourneyPlan } from './referral-journey';

/**
 * Referral journeys in a loop from `workers` concurrent callers until stopped: the load a fault lands on.
 * A journey the API refused part-way is kept too (its answered actions count), and the caller pauses briefly
 * after a refusal, as a case system with a retry policy would.
 */
export function referralLoad(
  referrals: ServiceApi,
  log: AnswerLog,
  plan: JourneyPlan,
  workers: number,
): { stop(): Promise<DrivenReferral[]> } {
  let running = true;
  const driven: DrivenReferral[] = [];
  const worker = async () => {
    while (running) {
      const referral = await driveReferral(referrals, log, plan);
      if (referral) driven.push(referral);
      if (!referral?.reached) await sleep(250);
    }
  };
  const all = Promise.all(Array.from({ length: workers }, worker));
  return {
    async stop() {
      running = false;
      await all;
      return driven;
    },
  };
}
