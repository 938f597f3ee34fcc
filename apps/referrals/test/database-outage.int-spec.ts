import { deadLetterTopic, OfferUpdated, TOPICS, type EventData } from '@platform/contracts';
import { collectEvents, eventually, getToken } from '@platform/testing';
import { Client } from 'pg';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { useReferralsApp } from './support/harness';
import type { ReferralApi } from './support/referral-api';
import type { RawEvents } from './support/raw-events';
import { TEST_DATABASE_URL, type ReferralsTestApp } from './support/referrals-app';

const STACK = join(__dirname, '../../../tools/stack');
const stack = (...args: string[]) => execFileSync(STACK, args, { stdio: 'ignore', timeout: 90_000 });

async function databaseAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const offer = (offerId: string, version: number): EventData<typeof OfferUpdated> => ({
  offerId,
  version,
  name: `Outage offer v${version}`,
  operatorOrgType: 'region',
  operatorOrgCode: '1084',
  level: 'HIGH',
  targetGroups: ['VISION'],
  places: 10 + version,
  active: true,
});

/**
 * Issue 7, finding 4: a database outage delays events, it does not dead-letter them. PostgreSQL (the
 * machine's cluster or the embedded one, through tools/stack) is stopped while the service runs and events
 * arrive; after it is started again every event is applied exactly once and nothing is on the DLQ. Before
 * the fix the inbox tried 5 times in 2 s, parked every event on the DLQ and committed past it.
 */
describe('with PostgreSQL stopped and started', () => {
  let t: ReferralsTestApp;
  let api: ReferralApi;
  let events: RawEvents;
  let referralId: string;

  useReferralsApp((h) => ({ t, api, events } = h));

  beforeAll(async () => {
    referralId = (await api.create('caseworker-101')).id;
    await getToken('caseworker-101'); // cached: Keycloak does not need PostgreSQL, but fetch it before anyway
  });

  // Whatever happened in the test, the shared PostgreSQL is running again before the next file.
  afterAll(async () => {
    stack('up', 'postgres');
    await eventually(databaseAnswers, 60_000);
  }, 120_000);

  it('answers 503 problem+json with Retry-After during the outage, then applies every waiting event once', async () => {
    const since = new Date();
    const offerIds = [randomUUID(), randomUUID(), randomUUID()];
    const eventIds: string[] = [];

    stack('down', 'postgres');
    await eventually(async () => !(await databaseAnswers()), 30_000);

    // Three offers, the first in three versions: order within a key must survive the wait too.
    for (const version of [1, 2, 3]) {
      eventIds.push(
        await events.publish(
          OfferUpdated,
          offerIds[0],
          offer(offerIds[0], version),
          '/services/specialty-planning',
        ),
      );
    }
    for (const id of offerIds.slice(1)) {
      eventIds.push(await events.publish(OfferUpdated, id, offer(id, 1), '/services/specialty-planning'));
    }

    const res = await api.get('caseworker-101', referralId);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ type: 'urn:dk:social:problem:service-unavailable', status: 503 });
    expect(JSON.stringify(res.body)).not.toMatch(/5432|127\.0\.0\.1|ECONNREFUSED/);

    // Longer than the old 5 tries in about 2 s, so the old inbox would have dead-lettered them by now.
    await new Promise((r) => setTimeout(r, 8_000));
    stack('up', 'postgres');
    await eventually(databaseAnswers, 60_000);

    await eventually(async () => {
      const rows = await t.prisma.offer.findMany({ where: { id: { in: offerIds } } });
      return rows.length === 3 && rows.find((r) => r.id === offerIds[0])?.version === 3;
    }, 90_000);
    const inbox = await t.prisma.inboxMessage.findMany({ where: { eventId: { in: eventIds } } });
    expect(inbox.map((r) => r.eventId).sort()).toEqual([...eventIds].sort());
    expect((await t.prisma.offer.findUnique({ where: { id: offerIds[0] } }))?.places).toBe(13);

    const parked = (await collectEvents(deadLetterTopic(TOPICS.offer), { from: since })).filter((m) =>
      eventIds.includes(m.headers.ce_id),
    );
    expect(parked).toEqual([]);

    // And the API answers again.
    expect((await api.get('caseworker-101', referralId)).status).toBe(200);
  }, 240_000);
});
