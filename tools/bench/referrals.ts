/**
 * Latency of create and decide at N concurrent clients against a running referrals service (npm start).
 * Usage: npx tsx tools/bench/referrals.ts [--clients 16] [--requests 50]
 * Each client loops: create (timed) → submit → decide (timed), with a municipal system's real token.
 * Prints p50/p90/p99/max per operation and the throughput.
 */
import { getToken } from '@platform/testing';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 16);
const REQUESTS = arg('requests', 50);
const BASE = process.env.REFERRALS_URL ?? 'http://127.0.0.1:3001';
/** "Bo- og støttetilbud Aarhus" from the demo seed: MODERATE, AUTISM, 20 places (decisions need no capacity). */
const OFFER = '6a0f4b8e-1c2d-4e3f-9a4b-5c6d7e8f9a03';

async function call(token: string, path: string, body: object, etag?: string) {
  const started = performance.now();
  const res = await fetch(`${BASE}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(etag ? { 'if-match': etag } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { id: string };
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return { ms: performance.now() - started, id: json.id, etag: res.headers.get('etag') ?? '' };
}

function cpr(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  return `${day}0${(i % 9) + 1}85${String(i % 10_000).padStart(4, '0')}`;
}

async function client(token: string, n: number, create: number[], decide: number[]) {
  for (let r = 0; r < REQUESTS; r++) {
    const created = await call(token, '/api/v1/referrals', {
      cpr: cpr(n * REQUESTS + r),
      targetGroup: 'AUTISM',
      assessedLevel: 'MODERATE',
    });
    create.push(created.ms);
    const submitted = await call(token, `/api/v1/referrals/${created.id}/submit`, {}, created.etag);
    const decided = await call(
      token,
      `/api/v1/referrals/${created.id}/decision`,
      { offerId: OFFER, level: 'MODERATE', startDate: '2026-06-01' },
      submitted.etag,
    );
    decide.push(decided.ms);
  }
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function report(name: string, samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(7)} n=${s.length}  p50 ${f(pct(s, 50))} ms  p90 ${f(pct(s, 90))} ms  p99 ${f(pct(s, 99))} ms  max ${f(s[s.length - 1])} ms`,
  );
}

async function main() {
  const token = await getToken('muni-751-system', { fresh: true });
  const create: number[] = [];
  const decide: number[] = [];
  await client(token, 9999, [], []); // warm-up, not counted
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(token, n, create, decide)));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `referrals bench: ${CLIENTS} concurrent clients × ${REQUESTS} (create + submit + decide) against ${BASE}`,
  );
  report('create', create);
  report('decide', decide);
  console.log(
    `throughput ${((create.length * 3) / seconds).toFixed(0)} requests/s over ${seconds.toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
