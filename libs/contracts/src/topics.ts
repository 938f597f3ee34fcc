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

export const SERVICES = ['referrals', 'specialty-planning', 'knowledge', 'financing', 'audit'] as const;

export type ServiceName = (typeof SERVICES)[number];

export interface TopicSpec {
  name: TopicName;
  /** Owns the topic's contract (its event types and their evolution). */
  owner: ServiceName;
  /** May write to the topic: the owner, except for the audit topic, to which every service writes its trail. */
  producers: readonly ServiceName[];
  /** Subscribe to the topic (today's and the ones its contracts are written for); the AsyncAPI document lists them. */
  consumers: readonly ServiceName[];
  partitions: number;
  /** Where a consumer parks a message it could not apply after its retries, with the error in headers. */
  deadLetter: string;
}

interface SpecOptions {
  producers?: readonly ServiceName[];
  consumers?: readonly ServiceName[];
  partitions?: number;
}

const spec = (name: TopicName, owner: ServiceName, options: SpecOptions = {}): TopicSpec => ({
  name,
  owner,
  producers: options.producers ?? [owner],
  consumers: options.consumers ?? [],
  partitions: options.partitions ?? 3,
  deadLetter: deadLetterTopic(name),
});

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export const TOPIC_REGISTRY: readonly TopicSpec[] = [
  // knowledge opens an advice case on dk.social.referral.advice-required.v1; specialty planning follows placements,
  // rejections and decisions (occupancy, function volumes, needs analysis)
  spec(TOPICS.referral, 'referrals', { consumers: ['knowledge', 'specialty-planning', 'financing'] }),
  // referrals keeps read models of offers (capacity) and responsibility (rule 2), and receives advice; knowledge
  // keeps its roster of knowledge environments (approved advisory functions, their offers) from both
  spec(TOPICS.offer, 'specialty-planning', { consumers: ['referrals', 'knowledge', 'financing'] }),
  spec(TOPICS.plan, 'specialty-planning', { consumers: ['referrals', 'knowledge', 'financing'] }),
  spec(TOPICS.advice, 'knowledge', { consumers: ['referrals', 'specialty-planning'] }),
  spec(TOPICS.guideline, 'knowledge'),
  // financing accrues cost lines from placements and checks refusion's advice condition from the referral events,
  // attributes cost by responsibility and rates offers (offer, plan); the funding stream is for national authorities
  // outside the platform
  spec(TOPICS.funding, 'financing'),
  // the audit service stores the trail that every service writes
  spec(TOPICS.audit, 'audit', { producers: SERVICES, consumers: ['audit'] }),
];

/** Every topic the platform needs, dead-letter topics included. */
export function allTopicNames(): string[] {
  return TOPIC_REGISTRY.flatMap((t) => [t.name, t.deadLetter]);
}

/** The topics a service may write: those whose `producers` name it (its own, and the audit trail). */
export function topicsProducedBy(service: string): string[] {
  return TOPIC_REGISTRY.filter((t) => (t.producers as readonly string[]).includes(service)).map(
    (t) => t.name,
  );
}

/** The topics a service reads: those whose `consumers` name it. */
export function topicsConsumedBy(service: string): string[] {
  return TOPIC_REGISTRY.filter((t) => (t.consumers as readonly string[]).includes(service)).map(
    (t) => t.name,
  );
}

/**
 * The topics a service needs at start-up: what it produces, what it consumes and the dead-letter topic of each
 * topic it consumes (its inbox parks messages there). The broker's ACLs (tools/stack) grant exactly these.
 */
export function topicsOfService(service: string): string[] {
  const consumed = topicsConsumedBy(service);
  return [...new Set([...topicsProducedBy(service), ...consumed, ...consumed.map(deadLetterTopic)])];
}
