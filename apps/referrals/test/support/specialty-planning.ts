import type { Responsibility } from '@platform/domain';
import {
  eventually,
  registerOffer,
  startServiceProcess,
  type IdentityName,
  type OfferSpec,
  type RegisteredOffer,
  type ServiceProcess,
} from '@platform/testing';
import type { PrismaService } from '../../src/database/prisma.service';

export type TestOffer = RegisteredOffer;
export type { OfferSpec };

/**
 * The specialty-planning service as the referral tests meet it: its own process (started on first use, stopped
 * with `stop`), reached through its API only. Offers and responsibility come from it as real events, and each
 * helper waits until the referrals service's read model holds the result.
 */
export class SpecialtyPlanning {
  private service?: Promise<ServiceProcess>;

  constructor(private readonly referralsDb: () => PrismaService) {}

  private started(): Promise<ServiceProcess> {
    return (this.service ??= startServiceProcess('specialty-planning'));
  }

  async as(identity: IdentityName) {
    return (await this.started()).as(identity);
  }

  /** Registers an offer through the directory's API and waits until the referrals service knows it. */
  async registerOffer(spec: OfferSpec = {}): Promise<TestOffer> {
    const offer = await registerOffer(this, spec);
    await eventually(
      async () => (await this.referralsDb().offer.findUnique({ where: { id: offer.offerId } })) !== null,
    );
    return offer;
  }

  /**
   * The state sets a target group's responsibility from a date (rule 2) and the referrals service applies it.
   * Responsibility never changes retroactively over decided placements, so tests use today or later.
   */
  async setResponsibility(targetGroup: string, responsibility: Responsibility, effectiveFrom: string) {
    const res = await (
      await this.as('planner-state')
    )
      .post(`/api/v1/target-groups/${targetGroup}/responsibility-changes`)
      .send({ responsibility, effectiveFrom });
    if (res.status !== 201 && res.status !== 200) {
      throw new Error(`responsibility change failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const from = new Date(`${effectiveFrom}T00:00:00Z`);
    await eventually(async () => {
      const row = await this.referralsDb().responsibilityChange.findUnique({
        where: { targetGroup_effectiveFrom: { targetGroup, effectiveFrom: from } },
      });
      return row?.responsibility === responsibility;
    });
  }

  async stop(): Promise<void> {
    const service = this.service;
    this.service = undefined;
    if (service) await (await service).stop();
  }
}
