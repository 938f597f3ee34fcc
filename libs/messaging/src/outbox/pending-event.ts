import type { EventData, EventDefinition } from '@platform/contracts';

/** An event a command decided to emit; the command runner writes it to the outbox with the state change. */
export interface PendingEvent<D extends EventDefinition = EventDefinition> {
  definition: D;
  data: EventData<D>;
  /** The aggregate id (CloudEvents subject, Kafka key); defaults to the command's resource id. */
  subject?: string;
}

/** Types the data against its definition: `event(ReferralSubmitted, { … })`. */
export const event = <D extends EventDefinition>(
  definition: D,
  data: EventData<D>,
  subject?: string,
): PendingEvent => ({ definition, data, ...(subject === undefined ? {} : { subject }) }) as PendingEvent;
