import { EventPattern } from '@nestjs/microservices';
import type { CloudEvent, EventData, EventDefinition } from '@platform/contracts';
import type { SqlTransaction } from '../sql-client';

/** What an event handler receives: the inbox transaction, the validated data and the whole CloudEvent. */
export interface InboundEvent<D extends EventDefinition, T = SqlTransaction> {
  /** The transaction the inbox row is written in: the handler's effect commits with it, or not at all. */
  tx: T;
  data: EventData<D>;
  event: CloudEvent;
}

/** The extras `@OnEvent` leaves on the handler, read by the InboxServer to subscribe and validate. */
export interface OnEventExtras {
  definition: EventDefinition;
}

/**
 * Handles one event type of the platform through the inbox (exactly one effect per event id):
 * `@OnEvent(OfferUpdated) apply(@Payload() e: InboundEvent<typeof OfferUpdated, Tx>) { … }`.
 * The topic comes from the definition, so a handler cannot listen on the wrong topic.
 */
export function OnEvent(definition: EventDefinition): MethodDecorator {
  const extras: OnEventExtras = { definition };
  return EventPattern<string>(definition.type, extras);
}
