import { TOPICS } from '@platform/contracts';
import { eventually } from '@platform/testing';
import { ReferralApi } from './support/referral-api';
import { useReferralsApp } from './support/harness';
import type { ReferralsTestApp } from './support/referrals-app';

/**
 * Issue 7, finding 10: the application's database role cannot delete or change audit rows in the outbox
 * (platform migration 20261127090000_outbox_audit_protection), while the relay still marks them sent.
 * Everything here runs on the service's own database connection.
 */
describe('audit events in the outbox are append-only for the application', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let auditId: string;
  let referralId: string;

  useReferralsApp((h) => ({ t, api } = h));

  beforeAll(async () => {
    referralId = (await api.create('caseworker-101')).id;
    const row = await t.prisma.outboxMessage.findFirstOrThrow({
      where: { topic: TOPICS.audit, messageKey: referralId },
    });
    auditId = row.id;
  });

  const audit = () => t.prisma.outboxMessage.findUniqueOrThrow({ where: { id: auditId } });
  const refused = expect.objectContaining({ message: expect.stringMatching(/audit events in the outbox/) });

  it('lets the relay publish the audit row and mark it sent', async () => {
    await eventually(async () => (await audit()).sentAt !== null, 20_000);
  });

  it('refuses to change the payload, headers, topic or key of an audit row', async () => {
    const before = await audit();
    await expect(
      t.prisma
        .$executeRaw`UPDATE outbox SET payload = '{"outcome":"ALLOWED"}'::jsonb WHERE id = ${auditId}::uuid`,
    ).rejects.toEqual(refused);
    await expect(
      t.prisma.$executeRaw`UPDATE outbox SET headers = '{}'::jsonb WHERE id = ${auditId}::uuid`,
    ).rejects.toEqual(refused);
    await expect(
      t.prisma.$executeRaw`UPDATE outbox SET topic = 'referrals.referral.v1' WHERE id = ${auditId}::uuid`,
    ).rejects.toEqual(refused);
    await expect(
      t.prisma.outboxMessage.update({ where: { id: auditId }, data: { messageKey: 'someone-else' } }),
    ).rejects.toEqual(refused);
    expect(await audit()).toEqual(before);
  });

  it('refuses to delete an audit row, alone, by topic or by truncation', async () => {
    await expect(t.prisma.$executeRaw`DELETE FROM outbox WHERE id = ${auditId}::uuid`).rejects.toEqual(
      refused,
    );
    await expect(t.prisma.outboxMessage.deleteMany({ where: { topic: TOPICS.audit } })).rejects.toEqual(
      refused,
    );
    await expect(t.prisma.$executeRaw`TRUNCATE outbox`).rejects.toEqual(
      expect.objectContaining({ message: expect.stringMatching(/cannot be truncated/) }),
    );
    expect(await audit()).toMatchObject({ id: auditId });
  });

  it('still lets the delivery state change: an unsent audit row is published and marked sent again', async () => {
    const sentBefore = (await audit()).sentAt;
    expect(sentBefore).not.toBeNull();
    await t.prisma.$executeRaw`UPDATE outbox SET sent_at = NULL WHERE id = ${auditId}::uuid`;
    await eventually(async () => (await audit()).sentAt !== null, 20_000);
  });

  it('leaves other events alone: a referral event row may still be changed by the platform', async () => {
    const event = await t.prisma.outboxMessage.findFirstOrThrow({
      where: { topic: TOPICS.referral, messageKey: referralId },
    });
    const updated = await t.prisma.$executeRaw`
      UPDATE outbox SET headers = headers WHERE id = ${event.id}::uuid`;
    expect(updated).toBe(1);
  });
});
