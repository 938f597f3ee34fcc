/**
 * From a referral's submission to its advice case being visible to the advisor, across three services
 * (docs/knowledge.md, issue 10's closing note):
 *
 *   flock /tmp/integration.lock npx tsx tools/bench/advice-latency.ts [--referrals 1000] [--baseline 1000]
 *
 * Builds dist/ if a source is newer, migrates fresh `<service>_bench` databases for referrals, specialty planning
 * and knowledge, and starts the three from dist as their own processes (their own consumer groups, free ports),
 * then waits until each has read what earlier runs and tests left on its topics. Through the APIs: region 1084
 * registers an offer and the state approves its VISION advisory function in specialty planning, until
 * knowledge's roster has it. Then, one at a time, a municipal case system (muni-101-system) creates and submits
 * a HIGH-level VISION referral; its latency runs from the `ce_time` of its `dk.social.referral.submitted.v1` to
 * the first 200 of GET /api/v1/advice-cases/{id} for advisor-1084, the id found by asking
 * GET /api/v1/advice-cases?referralId=… as the advisor, again and again. The baseline, in the same run: raw
 * kafkajs send → consume on the same broker (as tools/bench/request-path.ts measures it). Prints p50/p99 of both
 * and their ratio, and where the time goes (when knowledge's consumer opened the case; what one read costs).
 */
import { TOPICS } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import {
  buildDistIfNeeded,
  approveAdvisoryFunction,
  authorized,
  getToken,
  registerOffer,
  testKafka,
  type IdentityName,
  type ServiceApi,
} from '@platform/testing';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import request from 'supertest';
import { cprFor } from './support/api-load';
import { prepareBenchDatabase, serviceInfo, withClient } from './support/bench-database';
import { waitCaughtUp } from './support/consumer-lag';
import { latencyOf, rawKafkaLatency, type LatencySample } from './support/kafka-latency';
import { demoEnv, freePort, ROOT, startServiceProcess, type ServiceProcess } from './support/service-process';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const REFERRALS = Number(flag('referrals', '1000'));
const BASELINE = Number(flag('baseline', '1000'));
/** Pause between two referrals: latency one at a time, not throughput. */
const GAP_MS = 10;
const CASE_WORKER: IdentityName = 'muni-101-system';
const ADVISOR: IdentityName = 'advisor-1084';

/** Which topics each service's consumer group reads (its @OnEvent handlers). */
const SERVICES = {
  referrals: [TOPICS.offer, TOPICS.plan, TOPICS.advice],
  'specialty-planning': [TOPICS.referral, TOPICS.advice],
  knowledge: [TOPICS.offer, TOPICS.plan, TOPICS.referral],
} as const;
type Service = keyof typeof SERVICES;

interface Running {
  process: ServiceProcess;
  api: ServiceApi;
  databaseUrl: string;
}

async function start(service: Service): Promise<Running> {
  const info = serviceInfo(service);
  const databaseUrl = await prepareBenchDatabase(info);
  const child = await startServiceProcess({
    service,
    log: join(ROOT, '.scratch', `bench-${service}.log`),
    env: {
      ...demoEnv(),
      NODE_ENV: 'development',
      PORT: String(await freePort()),
      [info.databaseEnv]: databaseUrl,
      KAFKA_CONSUMER_GROUP: `${service}-bench`,
    },
  });
  const http = () => request(child.baseUrl);
  return { process: child, databaseUrl, api: { as: async (id) => authorized(http, await getToken(id)) } };
}

/** The `ce_time` of each referral's submitted event, by referral id, as it arrives. */
async function submittedTimes() {
  const times = new Map<string, number>();
  const consumer = testKafka('bench-advice-latency').consumer({
    groupId: `bench-advice-latency-${process.pid}`,
    maxWaitTimeInMs: 50,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPICS.referral, fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const type = message.headers?.ce_type?.toString();
      if (type !== 'dk.social.referral.submitted.v1') return;
      times.set(message.key?.toString() ?? '', Date.parse(message.headers!.ce_time!.toString()));
    },
  });
  await joined;
  // The group starts at the end of the topic once it has its partitions: give it that moment.
  await new Promise((r) => setTimeout(r, 1_000));
  const of = async (referralId: string): Promise<number> => {
    const until = Date.now() + 30_000;
    while (!times.has(referralId)) {
      if (Date.now() > until) throw new Error(`no submitted event for ${referralId}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return times.get(referralId)!;
  };
  return { of, stop: () => consumer.disconnect() };
}

async function call(baseUrl: string, identity: IdentityName, method: string, path: string, init = {}) {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${await getToken(identity)}`, 'content-type': 'application/json' },
    ...init,
  });
}

/** A case worker creates and submits one HIGH-level referral (it needs advice); its id. */
async function submitReferral(referrals: string, n: number): Promise<string> {
  const body = {
    cpr: cprFor(n),
    targetGroup: 'VISION',
    assessedLevel: 'HIGH',
    referralDate: todayInDenmark(),
  };
  const created = await call(referrals, CASE_WORKER, 'POST', '/api/v1/referrals', {
    body: JSON.stringify(body),
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const submitted = await fetch(`${referrals}/api/v1/referrals/${id}/submit`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await getToken(CASE_WORKER)}`,
      'if-match': created.headers.get('etag') ?? '',
    },
  });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  return id;
}

/** Asks as the advisor until the referral's case is listed, then reads it: the instant GET answered 200. */
async function visibleToAdvisor(
  knowledge: string,
  referralId: string,
): Promise<{ at: number; polls: number; readMs: number }> {
  const until = Date.now() + 30_000;
  for (let polls = 1; Date.now() < until; polls++) {
    const list = await call(knowledge, ADVISOR, 'GET', `/api/v1/advice-cases?referralId=${referralId}`);
    const [found] = ((await list.json()) as { items?: { id: string }[] }).items ?? [];
    if (found) {
      const asked = performance.now();
      const one = await call(knowledge, ADVISOR, 'GET', `/api/v1/advice-cases/${found.id}`);
      await one.arrayBuffer();
      if (one.status === 200) return { at: Date.now(), polls, readMs: performance.now() - asked };
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`the advice case of ${referralId} was not visible to ${ADVISOR} within 30 s`);
}

/** Submitted (ce_time) → knowledge's consumer opening the case (opened_at, in its transaction), per referral. */
async function openLatencies(databaseUrl: string, submitted: Map<string, number>): Promise<number[]> {
  const rows = await withClient(databaseUrl, async (db) => {
    const { rows } = await db.query<{ referral_id: string; opened_at: Date }>(
      'SELECT referral_id, opened_at FROM advice_case WHERE referral_id = ANY($1::uuid[])',
      [[...submitted.keys()]],
    );
    return rows;
  });
  return rows.map((r) => r.opened_at.getTime() - submitted.get(r.referral_id)!);
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

function render(r: {
  visible: LatencySample;
  opened: LatencySample;
  read: LatencySample;
  raw: LatencySample;
  polls: number;
  loadBefore: number[];
}): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  return [
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}); load average before ${load(r.loadBefore)}, after ${load(loadavg())}`,
    '',
    '| path | n | p50 | p99 |',
    '|---|---:|---:|---:|',
    `| referral.submitted (ce_time) → advice case visible to the advisor (GET 200) | ${r.visible.n} | ${ms(r.visible.p50)} | ${ms(r.visible.p99)} |`,
    `| … of which: → knowledge's consumer opens the case (opened_at) | ${r.opened.n} | ${ms(r.opened.p50)} | ${ms(r.opened.p99)} |`,
    `| … and the last step: one GET /api/v1/advice-cases/{id} as the advisor | ${r.read.n} | ${ms(r.read.p50)} | ${ms(r.read.p99)} |`,
    `| raw kafkajs (send → consumed), same broker | ${r.raw.n} | ${ms(r.raw.p50)} | ${ms(r.raw.p99)} |`,
    `| ratio visible / raw | | ${(r.visible.p50 / r.raw.p50).toFixed(2)} | ${(r.visible.p99 / r.raw.p99).toFixed(2)} |`,
    '',
    `advisor polls per referral (list by referralId, every ~2 ms until found): ${r.polls.toFixed(1)} on average`,
  ].join('\n');
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  buildDistIfNeeded('knowledge');
  const running: Running[] = [];
  const stopAll = () => Promise.all(running.map((r) => r.process.stop()));
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  try {
    const [referrals, planning, knowledge] = await Promise.all(
      (['referrals', 'specialty-planning', 'knowledge'] as const).map(async (service) => {
        const r = await start(service);
        running.push(r);
        return r;
      }),
    );
    for (const [service, topics] of Object.entries(SERVICES))
      await waitCaughtUp(`${service}-bench`, [...topics]);

    const { offerId } = await registerOffer(planning.api, { name: 'Synscenter Hovedstaden (bench)' });
    await approveAdvisoryFunction(planning.api, knowledge.api, {
      offerId,
      operatorOrgCode: '1084',
      targetGroup: 'VISION',
    });
    console.error('[bench] advisory function in knowledge’s roster; measuring');

    const times = await submittedTimes();
    const visible: number[] = [];
    const reads: number[] = [];
    const submitted = new Map<string, number>();
    let polls = 0;
    const first = Math.floor(Math.random() * 1_000_000);
    try {
      for (let i = 0; i <= REFERRALS; i++) {
        const id = await submitReferral(referrals.process.baseUrl, first + i);
        const seen = await visibleToAdvisor(knowledge.process.baseUrl, id);
        // The first is a warm-up (the consumer's and the API's first use), not counted.
        if (i > 0) {
          const at = await times.of(id);
          visible.push(seen.at - at);
          reads.push(seen.readMs);
          submitted.set(id, at);
          polls += seen.polls;
        }
        if (i % 100 === 0) console.error(`[bench] ${i} referrals`);
        await new Promise((r) => setTimeout(r, GAP_MS));
      }
    } finally {
      await times.stop();
    }
    const opened = await openLatencies(knowledge.databaseUrl, submitted);
    // With the services still running (idle), as the path above ran next to them.
    const raw = await rawKafkaLatency(BASELINE);
    await stopAll();
    console.log(
      render({
        visible: latencyOf(visible),
        opened: latencyOf(opened),
        read: latencyOf(reads),
        raw,
        polls: polls / visible.length,
        loadBefore,
      }),
    );
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
