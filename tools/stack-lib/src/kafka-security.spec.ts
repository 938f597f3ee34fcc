import { AclOperationTypes as Op, AclResourceTypes as Res, ResourcePatternTypes } from 'kafkajs';
import { kafkaServices, kafkaUsers, passwordVariable, platformAcls, serviceAcls } from './kafka-security';

const grants = (service: string, type: Res, name: string) =>
  serviceAcls(service)
    .filter((a) => a.resourceType === type && a.resourceName === name)
    .map((a) => a.operation)
    .sort();

describe('the local broker’s users and ACLs, from the topic registry', () => {
  it('has an admin, one user per service and the test principal, each with its password variable', () => {
    const names = kafkaUsers().map((u) => u.name);
    expect(names).toEqual(['admin', ...kafkaServices(), 'platform-tests']);
    expect(kafkaServices()).toEqual(
      expect.arrayContaining(['referrals', 'specialty-planning', 'knowledge', 'financing', 'audit']),
    );
    expect(passwordVariable('admin')).toBe('KAFKA_ADMIN_PASSWORD');
    expect(passwordVariable('specialty-planning')).toBe('SPECIALTY_PLANNING_KAFKA_PASSWORD');
  });

  it('lets referrals write its own topic and the audit trail, read what it consumes, write their DLQs', () => {
    expect(grants('referrals', Res.TOPIC, 'referrals.referral.v1')).toEqual([
      Op.WRITE,
      Op.CREATE,
      Op.DESCRIBE,
    ]);
    expect(grants('referrals', Res.TOPIC, 'audit.events.v1')).toEqual([Op.WRITE, Op.CREATE, Op.DESCRIBE]);
    expect(grants('referrals', Res.TOPIC, 'planning.offer.v1')).toEqual([Op.READ, Op.DESCRIBE]);
    expect(grants('referrals', Res.TOPIC, 'planning.offer.v1.dlq')).toEqual([
      Op.WRITE,
      Op.CREATE,
      Op.DESCRIBE,
    ]);
    expect(grants('referrals', Res.TOPIC, 'financing.funding.v1')).toEqual([]);
  });

  it('gives a service its consumer groups by prefix and idempotent writes, nothing on other groups', () => {
    const groups = serviceAcls('referrals').filter((a) => a.resourceType === Res.GROUP);
    expect(groups.map((a) => [a.resourceName, a.resourcePatternType])).toEqual([
      ['referrals', ResourcePatternTypes.PREFIXED],
      ['referrals', ResourcePatternTypes.PREFIXED],
    ]);
    expect(grants('referrals', Res.CLUSTER, 'kafka-cluster')).toEqual([Op.IDEMPOTENT_WRITE]);
  });

  it('lets specialty-planning write planning.offer.v1, and only its owner may', () => {
    expect(grants('specialty-planning', Res.TOPIC, 'planning.offer.v1')).toContain(Op.WRITE);
    const writers = platformAcls()
      .filter((a) => a.resourceName === 'planning.offer.v1' && a.operation === Op.WRITE)
      .map((a) => a.principal);
    expect(writers).toEqual(['User:specialty-planning']);
  });
});
