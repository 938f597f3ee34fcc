import { createCloudEvent } from './cloud-event';
import { fromKafkaMessage, InvalidCloudEventError, toKafkaMessage } from './kafka-binding';

describe('CloudEvents Kafka binding (binary mode)', () => {
  const event = createCloudEvent({
    source: '/services/referrals',
    type: 'dk.social.referral.created.v1',
    subject: 'r-1',
    data: { referralId: 'r-1' },
    extensions: { actor: 'municipality:101:muni-101-system' },
  });

  it('puts attributes in ce_ headers, the subject in the key and the data in the value', () => {
    const message = toKafkaMessage(event);
    expect(message.key).toBe('r-1');
    expect(JSON.parse(message.value)).toEqual({ referralId: 'r-1' });
    expect(message.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: 'dk.social.referral.created.v1',
      ce_source: '/services/referrals',
      ce_actor: 'municipality:101:muni-101-system',
      'content-type': 'application/json',
    });
  });

  it('reads back the same event from Buffers, as kafkajs delivers them', () => {
    const message = toKafkaMessage(event);
    const headers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(
      fromKafkaMessage({ key: Buffer.from(message.key), value: Buffer.from(message.value), headers }),
    ).toEqual(event);
  });

  it('refuses a message without CloudEvents headers', () => {
    expect(() => fromKafkaMessage({ value: Buffer.from('{}'), headers: {} })).toThrow(InvalidCloudEventError);
  });

  it('refuses a value that is not JSON', () => {
    const { headers, key } = toKafkaMessage(event);
    expect(() => fromKafkaMessage({ key, value: Buffer.from('not json'), headers })).toThrow(
      'value is not JSON',
    );
  });
});
