import { eventData, waitForEvent } from '@platform/testing';
import { ScenarioFailure } from './failure';

/**
 * The first event of `type` on `topic` at or after `since` whose data satisfies `matches`, read from Kafka as
 * the local test principal may (read only: no step ever publishes). For the effects no API shows: an event on
 * the stream national authorities read (`financing.funding.v1`), or one that "records" a decision.
 */
export async function eventOnTopic<T>(
  topic: string,
  type: string,
  since: Date,
  matches: (data: T, key: string | undefined) => boolean,
  timeoutMs: number,
): Promise<T> {
  try {
    const event = await waitForEvent(
      topic,
      (e) => e.headers.ce_type === type && matches(eventData<T>(e), e.key?.toString()),
      { from: since, timeoutMs },
    );
    return eventData<T>(event);
  } catch (error) {
    throw new ScenarioFailure(
      `no ${type} on ${topic} within ${Math.round(timeoutMs / 1000)} s: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
