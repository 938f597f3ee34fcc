import type { Responsibility, SpecialisationLevel } from '@platform/domain';
import { eventually, startServiceProcess, type IdentityName, type ServiceProcess } from '@platform/testing';
import type { PrismaService } from '../../src/database/prisma.service';

export interface TestOffer {
  offerId: string;
  operatorOrgCode: string;
  places: number;
}

export interface OfferSpec {
  name?: string;
  level?: SpecialisationLevel;
  targetGroups?: string[];
  places?: number;
  /** The operating region: its planner registers the offer. */
  operatorOrgCode?: '1084' | '1082';
  active?: boolean;
}

/** Where each test operator's offers are: an address in one of its municipalities (København, Aarhus). */
const ADDRESS = {
  '1084': { street: 'Rymarksvej 1', postalCode: '2900', city: 'Hellerup', municipalityCode: '157' },
  '1082': { street: 'Fuglsangvej 1', postalCode: '8210', city: 'Aarhus V', municipalityCode: '751' },
} as const;

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
    const operator = spec.operatorOrgCode ?? '1084';
    const places = spec.places ?? 12;
    const res = await (await this.as(`planner-${operator}`)).post('/api/v1/offers').send({
      name: spec.name ?? 'Synscenter Hovedstaden (test)',
      legalBases: ['SEL_108'],
      targetGroups: spec.targetGroups ?? ['VISION'],
      level: spec.level ?? 'HIGH',
      places,
      address: ADDRESS[operator],
      status: spec.active === false ? 'INACTIVE' : 'ACTIVE',
    });
    if (res.status !== 201)
      throw new Error(`offer registration failed: ${res.status} ${JSON.stringify(res.body)}`);
    const offerId = (res.body as { id: string }).id;
    await eventually(
      async () => (await this.referralsDb().offer.findUnique({ where: { id: offerId } })) !== null,
    );
    return { offerId, operatorOrgCode: operator, places };
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
