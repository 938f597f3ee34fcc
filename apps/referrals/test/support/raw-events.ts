import type { EventData, EventDefinition } from '@platform/contracts';
import { closePublisher, publishEvent } from '@platform/testing';

/**
 * Writes events straight to Kafka, for fault injection only: a forged source, a message that arrives while the
 * database is down. Offers and responsibility come from the specialty-planning service (specialty-planning.ts),
 * advice from the knowledge service (knowledge.ts), never from here.
 */
export class RawEvents {
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
