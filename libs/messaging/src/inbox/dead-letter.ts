import { deadLetterTopic } from '@platform/contracts';
import type { Producer } from 'kafkajs';
import type { Delivery } from './inbox.processor';

/** The dead-letter topic could not take the message (broker down): it is not committed and comes again. */
export class DeadLetterFailedError extends Error {
  constructor(topic: string, cause: unknown) {
    super(`could not park a message on ${deadLetterTopic(topic)}; it stays uncommitted`, { cause });
    this.name = 'DeadLetterFailedError';
  }
}

/** Headers the dead-letter topic adds; `tools/dlq replay` drops them again. */
export const DLQ_HEADER_PREFIX = 'dlq_';

/**
 * Parks a message on `<topic>.dlq` with its key, value and headers unchanged plus why and where from, with
 * acks from every replica: the caller commits the source offset only after this resolved, so a message is
 * on one of the two topics at any time.
 */
export async function sendToDeadLetter(
  producer: () => Promise<Producer>,
  delivery: Delivery,
  failure: { reason: string; attempts: number; consumer: string },
): Promise<void> {
  const { message } = delivery;
  try {
    await (
      await producer()
    ).send({
      topic: deadLetterTopic(delivery.topic),
      acks: -1,
      messages: [
        {
          key: message.key ?? null,
          value: message.value,
          headers: {
            ...(message.headers as Record<string, string | Buffer>),
            [`${DLQ_HEADER_PREFIX}error`]: failure.reason.slice(0, 2000),
            [`${DLQ_HEADER_PREFIX}attempts`]: String(failure.attempts),
            [`${DLQ_HEADER_PREFIX}source_topic`]: delivery.topic,
            [`${DLQ_HEADER_PREFIX}source_partition`]: String(delivery.partition),
            [`${DLQ_HEADER_PREFIX}source_offset`]: message.offset,
            [`${DLQ_HEADER_PREFIX}consumer`]: failure.consumer,
          },
        },
      ],
    });
  } catch (error) {
    throw new DeadLetterFailedError(delivery.topic, error);
  }
}
