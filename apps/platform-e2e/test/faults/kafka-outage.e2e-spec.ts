import { TOPICS } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { eventually } from '@platform/testing';
import { AnswerLog } from '../../src/faults/answers';
import { adviceCases, auditRows, costLines, occupancy, settle } from '../../src/faults/effects';
import { placeableOffer, warmUp } from '../../src/faults/fixtures';
import { consumersIdle } from '../../src/faults/kafka-watch';
import { Platform } from '../../src/faults/platform';
import { inPool, sleep } from '../../src/faults/pool';
import { keepReading } from '../../src/faults/readers';
import { driveReferral, type DrivenReferral } from '../../src/faults/referral-journey';
import { kafkaAnswers, restore, stack } from '../../src/faults/stack-control';
import { countTally, exactlyOnce, printTally, tally } from '../../src/faults/tally';

/** Referrals created, submitted, decided and placed while the broker is down (FAULT_REFERRALS overrides). */
const N = Number(process.env.FAULT_REFERRALS ?? 1000);
const CONCURRENCY = 8;
const MIN_OUTAGE_MS = 20_000;

/**
 * Scenario 8, first half (issue 13): Kafka is stopped while municipality 101 creates, submits, urgently decides
 * and places N referrals at region 1084's offer. Every API keeps answering (events wait in the outboxes); once
 * the broker is back every downstream effect exists exactly once: knowledge's advice case, specialty planning's
 * occupancy, financing's cost line and the audit service's ledger row of every audited action.
 */
describe('scenario 8: Kafka stopped while referrals are created and decided', () => {
  let platform: Platform;
  let offerId: string;
  const today = todayInDenmark();
  const log = new AnswerLog();
  let since: Date;
  let driven: DrivenReferral[] = [];

  beforeAll(async () => {
    await restore('kafka');
    platform = await Platform.start(['audit', 'specialty-planning', 'knowledge', 'financing', 'referrals']);
    offerId = await placeableOffer(platform, N + 1, today);
    await warmUp(platform, { stage: 'placed', offerId, date: today });
  }, 300_000);

  // Whatever happened, the broker runs again before the next file, and no service process is left behind.
  afterAll(async () => {
    await restore('kafka');
    await platform?.stopAll();
  }, 180_000);

  it(`keeps every API answering while Kafka is down for at least ${MIN_OUTAGE_MS / 1000} s`, async () => {
    since = new Date();
    await stack('down', 'kafka');
    const down = Date.now();
    await eventually(async () => !(await kafkaAnswers()), 30_000);
    const stopReading = keepReading(platform, log, ['specialty-planning', 'knowledge', 'financing', 'audit']);
    try {
      const results = await inPool(Array.from({ length: N }), CONCURRENCY, () =>
        driveReferral(platform.api('referrals'), log, { stage: 'placed', offerId, date: today }),
      );
      driven = results.filter((r): r is DrivenReferral => r !== undefined);
      await sleep(Math.max(0, MIN_OUTAGE_MS - (Date.now() - down)));
    } finally {
      await stopReading();
    }
    const outageMs = Date.now() - down;
    await stack('up', 'kafka');
    process.stdout.write(
      `\nKafka down ${(outageMs / 1000).toFixed(1)} s; ${N} referrals driven in ` +
        `${((Date.now() - down) / 1000).toFixed(1)} s; answers: ${JSON.stringify(log.summary())}\n`,
    );

    expect(outageMs).toBeGreaterThanOrEqual(MIN_OUTAGE_MS);
    expect(log.summary(log.notOk())).toEqual({});
    expect(driven.filter((r) => r.reached)).toHaveLength(N);
  }, 600_000);

  it('applies every downstream effect exactly once after Kafka is back', async () => {
    const ids = driven.map((r) => r.id);
    const month = today.slice(0, 7);
    const started = Date.now();
    const rows = await settle(
      async () => [
        tally(
          'advice cases (knowledge)',
          ids,
          (await adviceCases(platform.api('knowledge'), ids)).perReferral,
        ),
        // a total only: one place per placed referral, less the warm-up's
        countTally(
          'occupancy (specialty planning)',
          ids.length,
          (await occupancy(platform.api('specialty-planning'), offerId)) - 1,
        ),
        tally('cost lines (financing)', ids, await costLines(platform.api('financing'), month)),
        tally(
          'audit rows (audit)',
          driven.flatMap((r) => r.actions.map((a) => `${r.id} ${a}`)),
          await auditRows(platform.api('audit'), 'referrals', since),
        ),
      ],
      {
        timeoutMs: 600_000,
        quiet: () =>
          consumersIdle([
            ['knowledge', TOPICS.referral],
            ['specialty-planning', TOPICS.referral],
            ['financing', TOPICS.referral],
            ['audit', TOPICS.audit],
          ]),
      },
    );
    printTally(
      `Kafka outage, ${N} referrals (settled ${((Date.now() - started) / 1000).toFixed(1)} s after restart)`,
      rows,
    );
    expect(rows).toEqual(exactlyOnce(rows));
  }, 900_000);
});
