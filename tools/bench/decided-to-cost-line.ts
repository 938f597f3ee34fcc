/**
 * From a placement's start in referrals to its cost line in financing, across four services (issue 13, item 4;
 * docs/performance.md, Platform benchmarks):
 *
 *   flock /tmp/integration.lock npx tsx tools/bench/decided-to-cost-line.ts [--referrals 2000] [--baseline 1000]
 *
 * Builds dist/ if a source is newer, migrates fresh `<service>_bench` databases for referrals, specialty planning,
 * knowledge and financing, starts the four from dist as their own processes (their own consumer groups, free
 * ports) and waits until each has read what earlier runs left on its topics. Through the APIs: region 1084's
 * planner registers a MODERATE AUTISM offer in specialty planning and sets its day rate for the year in financing
 * (once financing knows the offer). Then `--referrals` referrals are created, submitted, decided, sent and accepted
 * (8 at a time; not timed). Then, one at a time, the operator starts each placement; its latency runs from the
 * `ce_time` of its `dk.social.referral.placement-started.v1` (the event financing turns into cost lines; the
 * decision was the `decided` event before the operator's acceptance, which no cost line can wait for) to the first
 * 200 of GET /api/v1/cost-lines?referralId=… for the municipality that lists a line. The baseline, in the same run
 * with the services idle: raw kafkajs send → consume on the same broker. Goal: p99 ≤ 2 × raw p99.
 */
import { TOPICS } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { buildDistIfNeeded, getToken, registerOffer, testKafka } from '@platform/testing';
import { loadavg } from 'node:os';
import { withClient } from './support/bench-database';
import { latencyOf, rawKafkaLatency, type LatencySample } from './support/kafka-latency';
import { acceptedReferral, acceptedReferrals, startPlacement } from './support/placement-path';
import { startBenchServices, type BenchService } from './support/platform-services';
import { flag, goal, machineLine, num, sleep } from './support/stats';

const REFERRALS = Number(flag('referrals', '2000'));
const BASELINE = Number(flag('baseline', '1000'));
/** Pause between two placements: latency one at a time, not throughput. */
const GAP_MS = 10;
const PLACEMENT_STARTED = 'dk.social.referral.placement-started.v1';
const YEAR = todayInDenmark().slice(0, 4);

/** The `ce_time` of each placement-started event, by referral id, as it arrives. */
async function placementTimes() {
  const times = new Map<string, number>();
  const consumer = testKafka('bench-cost-line').consumer({
    groupId: `bench-cost-line-${process.pid}`,
    maxWaitTimeInMs: 50,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.referral, fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.headers?.ce_type?.toString() !== PLACEMENT_STARTED) return;
      times.set(message.key?.toString() ?? '', Date.parse(message.headers.ce_time!.toString()));
    },
  });
  await joined;
  await sleep(1_000); // the group starts at the end of the topic once it has its partitions
  const of = async (referralId: string): Promise<number> => {
    const until = Date.now() + 30_000;
    while (!times.has(referralId)) {
      if (Date.now() > until) throw new Error(`no placement-started event for ${referralId}`);
      await sleep(5);
    }
    return times.get(referralId)!;
  };
  return { of, stop: () => consumer.disconnect() };
}

/** The offer, known to financing with this year's day rate and to referrals (its decisions need it). */
async function offerWithRate(planning: BenchService, financing: BenchService): Promise<string> {
  const { offerId } = await registerOffer(planning.api, {
    name: 'Autismetilbud Hovedstaden (bench)',
    level: 'MODERATE',
    targetGroups: ['AUTISM'],
    places: 100_000,
  });
  const until = Date.now() + 60_000;
  for (;;) {
    const res = await (
      await financing.api.as('planner-1084')
    )
      .put(`/api/v1/offers/${offerId}/rates/${YEAR}`)
      .send({ unit: 'DAY', amount: '2450.00' });
    if (res.status === 200) return offerId;
    if (Date.now() > until) throw new Error(`rate: ${res.status} ${JSON.stringify(res.body)}`);
    await sleep(200);
  }
}

/** Asks as the municipality until the referral's cost line is listed: the instant the GET answered with it. */
async function costLineVisible(
  financing: string,
  referralId: string,
): Promise<{ at: number; polls: number }> {
  const until = Date.now() + 30_000;
  for (let polls = 1; Date.now() < until; polls++) {
    const res = await fetch(`${financing}/api/v1/cost-lines?year=${YEAR}&referralId=${referralId}`, {
      headers: { authorization: `Bearer ${await getToken('muni-101-system')}` },
    });
    const body = (await res.json()) as { items?: unknown[] };
    if (res.status !== 200) throw new Error(`cost lines: ${res.status} ${JSON.stringify(body)}`);
    if ((body.items?.length ?? 0) > 0) return { at: Date.now(), polls };
    await sleep(2);
  }
  throw new Error(`no cost line of ${referralId} within 30 s`);
}

/** Placement-started (ce_time) → the ledger storing the line (accrued_at, in financing's consumer transaction). */
async function storedLatencies(databaseUrl: string, started: Map<string, number>): Promise<number[]> {
  return withClient(databaseUrl, async (db) => {
    const { rows } = await db.query<{ referral_id: string; accrued_at: Date }>(
      'SELECT referral_id, min(accrued_at) AS accrued_at FROM cost_line WHERE referral_id = ANY($1::uuid[]) GROUP BY 1',
      [[...started.keys()]],
    );
    return rows.map((r) => r.accrued_at.getTime() - started.get(r.referral_id)!);
  });
}

async function retried<T>(fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(500);
    }
  }
}

const ms = (n: number) => `${num(n, 1)} ms`;

function render(r: {
  visible: LatencySample;
  stored: LatencySample;
  raw: LatencySample;
  polls: number;
  loadBefore: number[];
}): string {
  return [
    machineLine(r.loadBefore),
    '',
    '| path | n | p50 | p99 |',
    '|---|---:|---:|---:|',
    `| placement-started (ce_time) → cost line listed by GET /api/v1/cost-lines?referralId (200) | ${r.visible.n} | ${ms(r.visible.p50)} | ${ms(r.visible.p99)} |`,
    `| … of which: → financing's ledger stored it (cost_line.accrued_at) | ${r.stored.n} | ${ms(r.stored.p50)} | ${ms(r.stored.p99)} |`,
    `| raw kafkajs (send → consumed), same broker | ${r.raw.n} | ${ms(r.raw.p50)} | ${ms(r.raw.p99)} |`,
    `| ratio listed / raw | | ${num(r.visible.p50 / r.raw.p50, 2)} | ${num(r.visible.p99 / r.raw.p99, 2)} |`,
    '',
    `goal p99 ≤ 2 × raw p99 (${ms(2 * r.raw.p99)}): ${goal(r.visible.p99, 2 * r.raw.p99, 'ms')}`,
    `municipality polls per referral (list by referralId, every ~2 ms until found): ${num(r.polls, 1)} on average`,
  ].join('\n');
}

async function measure(referrals: BenchService, financing: BenchService, offerId: string) {
  const first = Math.floor(Math.random() * 1_000_000);
  // The warm-up referral also waits until referrals has the offer from specialty planning's event.
  const warm = await retried(() => acceptedReferral(referrals.process.baseUrl, offerId, first - 1));
  const accepted = [warm, ...(await acceptedReferrals(referrals.process.baseUrl, offerId, REFERRALS, first))];
  console.error(`[bench] ${accepted.length} referrals accepted; measuring placement → cost line`);
  const times = await placementTimes();
  const visible: number[] = [];
  const started = new Map<string, number>();
  let polls = 0;
  try {
    for (const [i, referral] of accepted.entries()) {
      await startPlacement(referrals.process.baseUrl, referral);
      const seen = await costLineVisible(financing.process.baseUrl, referral.id);
      // The first is a warm-up (the consumer's and the API's first use), not counted.
      if (i > 0) {
        const at = await times.of(referral.id);
        visible.push(seen.at - at);
        started.set(referral.id, at);
        polls += seen.polls;
      }
      if (i % 500 === 0) console.error(`[bench] ${i} placements`);
      await sleep(GAP_MS);
    }
  } finally {
    await times.stop();
  }
  const stored = await storedLatencies(financing.databaseUrl, started);
  return { visible: latencyOf(visible), stored: latencyOf(stored), polls: polls / visible.length };
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  buildDistIfNeeded('financing');
  const running: BenchService[] = [];
  const stopAll = () => Promise.all(running.map((r) => r.process.stop()));
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  try {
    const s = await startBenchServices(
      ['referrals', 'specialty-planning', 'knowledge', 'financing'] as const,
      running,
    );
    const offerId = await offerWithRate(s['specialty-planning'], s.financing);
    console.error(`[bench] offer ${offerId} with its ${YEAR} rate in financing`);
    const path = await measure(s.referrals, s.financing, offerId);
    // With the services still running (idle), as the path above ran next to them.
    const raw = await rawKafkaLatency(BASELINE);
    await stopAll();
    console.log(render({ ...path, raw, loadBefore }));
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
