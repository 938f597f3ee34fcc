import { OfferUpdated, TOPICS } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { collectEvents, eventData, eventually, registerOffer, stackSettings } from '@platform/testing';
import { AnswerLog } from '../../src/faults/answers';
import { inboxCounts, referralsOfferView } from '../../src/faults/db-read';
import { settle } from '../../src/faults/effects';
import { runName } from '../../src/faults/fixtures';
import { consumerLag, consumersIdle, deadLettersAbout } from '../../src/faults/kafka-watch';
import { Platform } from '../../src/faults/platform';
import { sleep } from '../../src/faults/pool';
import { keepReading } from '../../src/faults/readers';
import { randomCpr } from '../../src/faults/referral-journey';
import { TcpProxy } from '../../src/faults/tcp-proxy';
import { exactlyOnce, printTally, tally } from '../../src/faults/tally';

/** The places specialty planning sets one after the other while the referrals database is unreachable. */
const PLACES = [11, 12, 13];

/**
 * Scenario 8 (issue 13): one service's database is unreachable while the rest of the platform runs. The
 * referrals service reaches PostgreSQL through a TCP proxy that the test cuts: the referrals API answers 503
 * problem+json, specialty planning and knowledge keep serving, and the OfferUpdated events specialty planning
 * publishes meanwhile (its operator changes the offer's places three times through its API) wait for the
 * referrals consumer as lag, not on a dead-letter topic. Once the proxy is back, the referrals service, never
 * restarted, applies each of them exactly once and in order.
 */
describe('scenario 8: one service’s database unreachable', () => {
  let proxy: TcpProxy;
  let platform: Platform;
  let offerId: string;
  let referralId: string;
  let since: Date;
  let events: { id: string; version: number; places: number }[] = [];
  const log = new AnswerLog();

  beforeAll(async () => {
    const stack = stackSettings();
    proxy = await TcpProxy.start({ host: stack.databaseHost, port: stack.databasePort });
    platform = await Platform.start(['specialty-planning', 'knowledge', 'referrals'], {
      referrals: {
        REFERRALS_DATABASE_URL: `${stack.databaseUrl('referrals_test').replace(`:${stack.databasePort}/`, `:${proxy.port}/`)}`,
      },
    });
    ({ offerId } = await registerOffer(platform.api('specialty-planning'), {
      name: runName('Udfaldstilbud'),
      places: 10,
    }));
    await eventually(async () => (await referralsOfferView(offerId)) !== undefined, 60_000);
    const created = await (
      await platform.get('referrals').as('caseworker-101')
    )
      .post('/api/v1/referrals')
      .send({
        cpr: randomCpr(),
        targetGroup: 'VISION',
        assessedLevel: 'HIGH',
        referralDate: todayInDenmark(),
      });
    expect(created.status).toBe(201);
    referralId = (created.body as { id: string }).id;
  }, 180_000);

  afterAll(async () => {
    await proxy?.restore();
    await platform?.stopAll();
    await proxy?.close();
  }, 60_000);

  it('answers 503 problem+json from referrals alone; the offer changes wait as consumer lag', async () => {
    since = new Date();
    await proxy.cut();
    const stopReading = keepReading(platform, log, ['specialty-planning', 'knowledge']);
    try {
      const referrals = await platform.get('referrals').as('caseworker-101');
      const answers = [
        await referrals.get(`/api/v1/referrals/${referralId}`),
        await referrals.post('/api/v1/referrals').send({
          cpr: randomCpr(),
          targetGroup: 'VISION',
          assessedLevel: 'HIGH',
          referralDate: todayInDenmark(),
        }),
      ];
      for (const res of answers) {
        expect(res.status).toBe(503);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.headers['retry-after']).toBe('5');
        expect(res.body).toMatchObject({ type: 'urn:dk:social:problem:service-unavailable', status: 503 });
        expect(JSON.stringify(res.body)).not.toMatch(/5432|127\.0\.0\.1|ECONNREFUSED|ECONNRESET/);
      }

      // The offer's operator changes its places through specialty planning's API: the real producer.
      const planner = await platform.get('specialty-planning').as('planner-1084');
      for (const places of PLACES) {
        const current = await planner.get(`/api/v1/offers/${offerId}`);
        const res = await planner
          .put(`/api/v1/offers/${offerId}/places`)
          .set('If-Match', String(current.headers.etag))
          .send({ places });
        expect(res.status).toBe(200);
      }
      await eventually(async () => {
        const published = (await collectEvents(TOPICS.offer, { from: since })).filter(
          (e) => e.headers.ce_type === OfferUpdated.type && e.key?.toString() === offerId,
        );
        events = published.map((e) => {
          const data = eventData<{ version: number; places: number }>(e);
          return { id: e.headers.ce_id!, version: data.version, places: data.places };
        });
        return events.length >= PLACES.length;
      }, 30_000);

      // Long enough for a consumer that gives up after a few tries to have dead-lettered them.
      await sleep(10_000);
    } finally {
      await stopReading();
    }
    const eventIds = events.map((e) => e.id);
    expect(log.summary(log.notOk())).toEqual({});
    expect(await consumerLag('referrals', TOPICS.offer)).toBeGreaterThanOrEqual(PLACES.length);
    expect((await inboxCounts('referrals', eventIds)).size).toBe(0);
    // knowledge, whose database is reachable, applied them meanwhile
    expect([...(await inboxCounts('knowledge', eventIds)).values()]).toEqual(eventIds.map(() => 1));
  }, 120_000);

  it('applies each waiting event exactly once, in order, when the database is back, without a restart', async () => {
    await proxy.restore();
    const referrals = await platform.get('referrals').as('caseworker-101');
    await eventually(
      async () => (await referrals.get(`/api/v1/referrals/${referralId}`)).status === 200,
      60_000,
    );
    const eventIds = events.map((e) => e.id);
    const rows = await settle(
      async () => [
        tally(
          'OfferUpdated applied by referrals (cut off)',
          eventIds,
          await inboxCounts('referrals', eventIds),
        ),
        tally(
          'OfferUpdated applied by knowledge (reachable)',
          eventIds,
          await inboxCounts('knowledge', eventIds),
        ),
      ],
      { timeoutMs: 90_000, quiet: () => consumersIdle([['referrals', TOPICS.offer]]) },
    );
    printTally(
      `Referrals database unreachable (${PLACES.length} offer changes from specialty planning)`,
      rows,
    );
    expect(rows).toEqual(exactlyOnce(rows));
    const last = events.at(-1)!;
    expect(await referralsOfferView(offerId)).toEqual({ version: last.version, places: PLACES.at(-1) });

    const parked = await deadLettersAbout(new Set([offerId, ...eventIds]), since);
    expect(parked.flatMap((p) => p.ours)).toEqual([]);
  }, 180_000);
});
