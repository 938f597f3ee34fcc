import type { CloudEvent } from '@platform/contracts';
import { checkSource, ForeignSourceError } from './event-source';

const from = (source: string) => ({ source }) as CloudEvent;

describe('the source check of the inbox', () => {
  it("takes a topic's events from its owner only", () => {
    expect(() => checkSource('planning.offer.v1', from('/services/specialty-planning'))).not.toThrow();
    expect(() => checkSource('planning.offer.v1', from('/services/referrals'))).toThrow(ForeignSourceError);
  });

  it('takes the audit trail from every service of the platform, and from nothing else', () => {
    for (const service of ['referrals', 'specialty-planning', 'knowledge', 'financing', 'audit'])
      expect(() => checkSource('audit.events.v1', from(`/services/${service}`))).not.toThrow();
    expect(() => checkSource('audit.events.v1', from('/services/intruder'))).toThrow(ForeignSourceError);
  });

  it("leaves topics outside the registry (tests' own) unchecked", () => {
    expect(() => checkSource('test.topic', from('anything'))).not.toThrow();
  });
});
