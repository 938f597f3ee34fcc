import { z } from 'zod';
import type { CloudEvent } from '../cloudevents/cloud-event';
import type { TopicName } from '../topics';

/**
 * One event contract: its CloudEvents type, its topic and the schema of its data. Producers build events
 * from it and consumers validate with the same schema, so the two cannot drift apart.
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly topic: TopicName;
  readonly schema: S;
}

export type EventData<D extends EventDefinition> = z.infer<D['schema']>;

export function defineEvent<S extends z.ZodType>(
  type: string,
  topic: TopicName,
  schema: S,
): EventDefinition<S> {
  return { type, topic, schema };
}

export class EventSchemaError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: string[],
  ) {
    super(`event ${eventType} does not match its schema: ${issues.join('; ')}`);
    this.name = 'EventSchemaError';
  }
}

/** Validates an event's data against its definition; the error lists paths, never values. */
export function parseEventData<D extends EventDefinition>(definition: D, event: CloudEvent): EventData<D> {
  if (event.type !== definition.type) {
    throw new EventSchemaError(event.type, [`expected type ${definition.type}`]);
  }
  const result = definition.schema.safeParse(event.data);
  if (!result.success) {
    throw new EventSchemaError(
      event.type,
      result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`),
    );
  }
  return result.data as EventData<D>;
}
