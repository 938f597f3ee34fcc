import { allTopicNames, TOPIC_REGISTRY, TOPICS } from './topics';
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
