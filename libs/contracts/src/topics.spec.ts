import {
  allTopicNames,
  TOPIC_REGISTRY,
  TOPICS,
  topicsConsumedBy,
  topicsOfService,
  topicsProducedBy,
} from './topics';
import { EVENT_CATALOGUE } from './events/catalogue';

describe('the topic registry', () => {
  it('lists every topic constant once, with its dead-letter topic', () => {
    expect(TOPIC_REGISTRY.map((t) => t.name).sort()).toEqual(Object.values(TOPICS).sort());
    expect(allTopicNames()).toContain('referrals.referral.v1.dlq');
  });

  it('gives every event a registered topic and a unique versioned type', () => {
    const types = EVENT_CATALOGUE.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    for (const d of EVENT_CATALOGUE) {
      expect(Object.values(TOPICS)).toContain(d.topic);
      expect(d.type).toMatch(/^dk\.social\.[a-z]+\.[a-z-]+(\.[a-z-]+)?\.v\d+$/);
    }
  });
});

describe('topics of a service', () => {
  it('gives referrals its own topic, the audit trail, what it consumes and their dead-letter topics', () => {
    expect(topicsProducedBy('referrals').sort()).toEqual([TOPICS.audit, TOPICS.referral]);
    expect(topicsConsumedBy('referrals').sort()).toEqual([TOPICS.advice, TOPICS.offer, TOPICS.plan]);
    expect(topicsOfService('referrals')).toEqual(
      expect.arrayContaining(['planning.offer.v1.dlq', 'knowledge.advice.v1.dlq', 'planning.plan.v1.dlq']),
    );
    expect(topicsOfService('referrals')).not.toContain(TOPICS.funding);
    expect(topicsOfService('referrals')).not.toContain('referrals.referral.v1.dlq');
  });

  it('knows nothing of a service the registry does not name', () => {
    expect(topicsOfService('unknown')).toEqual([]);
  });
});
