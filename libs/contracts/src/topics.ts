/**
 * The topic registry: every Kafka topic of the platform, who owns (produces) it, and its dead-letter topic.
 * Topics are created from this list at start-up (auto-create is off on the broker), so a topic that is not
 * here does not exist.
 */
export const TOPICS = {
  referral: 'referrals.referral.v1',
  offer: 'planning.offer.v1',
  plan: 'planning.plan.v1',
  advice: 'knowledge.advice.v1',
  guideline: 'knowledge.guideline.v1',
  funding: 'financing.funding.v1',
  audit: 'audit.events.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export type ServiceName = 'referrals' | 'specialty-planning' | 'knowledge' | 'financing' | 'audit';

export interface TopicSpec {
  name: TopicName;
  owner: ServiceName;
  partitions: number;
  /** Where a consumer parks a message it could not apply after its retries, with the error in headers. */
  deadLetter: string;
}

const spec = (name: TopicName, owner: ServiceName, partitions = 3): TopicSpec => ({
  name,
  owner,
  partitions,
  deadLetter: deadLetterTopic(name),
});

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export const TOPIC_REGISTRY: readonly TopicSpec[] = [
  spec(TOPICS.referral, 'referrals'),
  spec(TOPICS.offer, 'specialty-planning'),
  spec(TOPICS.plan, 'specialty-planning'),
  spec(TOPICS.advice, 'knowledge'),
  spec(TOPICS.guideline, 'knowledge'),
  spec(TOPICS.funding, 'financing'),
  spec(TOPICS.audit, 'audit'),
];

/** Every topic the platform needs, dead-letter topics included. */
export function allTopicNames(): string[] {
  return TOPIC_REGISTRY.flatMap((t) => [t.name, t.deadLetter]);
}
