import {
  approveAdvisoryFunction,
  giveAdvice,
  startServiceProcess,
  type AdviceCaseSummary,
  type AdviceInput,
  type ServiceProcess,
} from '@platform/testing';
import type { SpecialtyPlanning, TestOffer } from './specialty-planning';

/**
 * The knowledge service as the referral tests meet it: its own process (started on first use, stopped with
 * `stop`), reached through its API only. Advice comes from it as in production: an advisor answers the advice
 * case that knowledge opened from the referral's advice-required event, and AdviceGiven reaches the referral.
 */
export class Knowledge {
  private service?: Promise<ServiceProcess>;

  constructor(private readonly planning: SpecialtyPlanning) {}

  private started(): Promise<ServiceProcess> {
    return (this.service ??= startServiceProcess('knowledge'));
  }

  /**
   * The offer holds an approved advisory function for the target group (applied for and approved in specialty
   * planning) and knowledge's roster has it, so a referral from the offer's region is assigned there.
   */
  async advisoryFunctionAt(offer: TestOffer, targetGroup: string): Promise<string> {
    return approveAdvisoryFunction(this.planning, await this.started(), {
      offerId: offer.offerId,
      operatorOrgCode: offer.operatorOrgCode,
      targetGroup,
    });
  }

  /** An advisor of the region the referral's advice case lies in gives the advice. */
  async advise(referralId: string, advice: AdviceInput): Promise<AdviceCaseSummary> {
    return giveAdvice(await this.started(), referralId, advice);
  }

  async stop(): Promise<void> {
    const service = this.service;
    this.service = undefined;
    if (service) await (await service).stop();
  }
}
