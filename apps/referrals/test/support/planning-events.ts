import {
  OfferUpdated,
  ResponsibilityChanged,
  type EventData,
  type EventDefinition,
} from '@platform/contracts';
import { closePublisher, eventually, publishEvent } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import type { PrismaService } from '../../src/database/prisma.service';

/**
 * Publishes other services' events to the real Kafka, as those services will: specialty planning and
 * knowledge do not exist yet, so tests (and the demo seed) speak for them through the shared contracts.
 */
export class EventPublisher {
  publish<D extends EventDefinition>(
    definition: D,
    subject: string,
    data: EventData<D>,
    source = '/services/test',
  ): Promise<string> {
    return publishEvent(definition, subject, data, source);
  }

  close(): Promise<void> {
    return closePublisher();
  }
}

export interface TestOffer {
  offerId: string;
  operatorOrgCode: string;
  places: number;
}

/** Publishes an offer and waits until the referrals service's read model holds it. */
export async function publishOffer(
  events: EventPublisher,
  prisma: PrismaService,
  overrides: Partial<EventData<typeof OfferUpdated>> = {},
): Promise<TestOffer> {
  const data: EventData<typeof OfferUpdated> = {
    offerId: randomUUID(),
    version: 1,
    name: 'Synscenter Hovedstaden (test)',
    operatorOrgType: 'region',
    operatorOrgCode: '1084',
    level: 'HIGH',
    targetGroups: ['VISION'],
    places: 12,
    active: true,
    ...overrides,
  };
  await events.publish(OfferUpdated, data.offerId, data, '/services/specialty-planning');
  await eventually(
    async () => (await prisma.offer.findUnique({ where: { id: data.offerId } }))?.version === data.version,
  );
  return { offerId: data.offerId, operatorOrgCode: data.operatorOrgCode, places: data.places };
}

export async function publishResponsibility(
  events: EventPublisher,
  prisma: PrismaService,
  change: EventData<typeof ResponsibilityChanged>,
): Promise<void> {
  await events.publish(ResponsibilityChanged, change.targetGroup, change, '/services/specialty-planning');
  const effectiveFrom = new Date(`${change.effectiveFrom}T00:00:00Z`);
  await eventually(async () => {
    const row = await prisma.responsibilityChange.findUnique({
      where: { targetGroup_effectiveFrom: { targetGroup: change.targetGroup, effectiveFrom } },
    });
    return row?.responsibility === change.responsibility;
  });
}

export { eventually };
