import { AuditRecorded, createCloudEvent, toKafkaMessage } from '@platform/contracts';
import { factsOf, formatLine, inTimeOrder, traceLineOf, type ReadMessage } from './trace-line';

function read(
  topic: string,
  event: Parameters<typeof createCloudEvent>[0],
  timestamp = '1764158400000',
): ReadMessage {
  const message = toKafkaMessage(createCloudEvent(event));
  const headers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)]));
  return {
    topic,
    partition: 0,
    message: {
      key: Buffer.from(message.key),
      value: Buffer.from(message.value),
      headers,
      offset: '3',
      timestamp,
    },
  };
}

const decided = (correlationid: string) =>
  read('referrals.referral.v1', {
    source: '/services/referrals',
    type: 'dk.social.referral.decided.v1',
    subject: 'r-1',
    time: new Date('2026-11-26T10:00:02Z'),
    data: { referralId: 'r-1', offerId: 'o-9', municipalityCode: '101', citizenPseudonym: 'p'.repeat(64) },
    extensions: { correlationid },
  });

describe('a line of a trace', () => {
  it('is made only of events with the correlation id', () => {
    expect(traceLineOf(decided('other'), 'case-R')).toBeNull();
    expect(traceLineOf(decided('case-R'), 'case-R')).toEqual({
      time: '2026-11-26T10:00:02.000Z',
      service: 'referrals',
      type: 'dk.social.referral.decided.v1',
      subject: 'r-1',
      topic: 'referrals.referral.v1',
      facts: ['referralId=r-1', 'offerId=o-9', 'municipalityCode=101'],
    });
  });

  it('never shows a pseudonym, an amount or free text', () => {
    const facts = factsOf(
      'x',
      Buffer.from(JSON.stringify({ citizenPseudonym: 'abc', amount: 5, note: 'n' })),
    );
    expect(facts).toEqual([]);
  });

  it('shows what an audit row says was done, and by which request', () => {
    const facts = factsOf(
      AuditRecorded.type,
      JSON.stringify({
        action: 'referral.submit',
        resource: { type: 'referral', id: 'r-1' },
        outcome: 'ALLOWED',
        requestId: 'req-S',
        citizenPseudonym: 'abc',
      }),
    );
    expect(facts).toEqual([
      'action=referral.submit',
      'resource=referral:r-1',
      'outcome=ALLOWED',
      'requestId=req-S',
    ]);
  });

  it('says when a value is not JSON instead of failing the trace', () => {
    expect(factsOf('x', Buffer.from('not json'))).toEqual(['(value is not JSON)']);
  });

  it('is printed in time order, with a parked message marked', () => {
    const later = traceLineOf(decided('c'), 'c')!;
    const earlier = { ...later, time: '2026-11-26T09:00:00.000Z', topic: 'referrals.referral.v1.dlq' };
    const printed = inTimeOrder([later, earlier]).map(formatLine);
    expect(printed[0]).toMatch(
      /^2026-11-26T09:00:00.000Z\s+referrals\s+dk\.social\.referral\.decided\.v1\s+subject=r-1/,
    );
    expect(printed[0]).toMatch(/\[parked on referrals\.referral\.v1\.dlq\]$/);
    expect(printed[1]).toContain('referralId=r-1  offerId=o-9  municipalityCode=101');
  });
});
