import autocannon from 'autocannon';
import { TARGET_GROUPS } from '@platform/domain';
import { randomUUID } from 'node:crypto';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, plus socket errors and timeouts: any of them makes the step suspect. */
  failures: number;
}

/**
 * A valid CPR number (DDMMYY-SSSS; only the date is checked) that differs for every n below 28·12·10·10⁴.
 * Years 60–69: whatever the serial's century, the citizen is born before any referral date.
 */
export function cprFor(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, '0');
  const year = String(60 + (Math.floor(n / 336) % 10));
  const serial = String(Math.floor(n / 3_360) % 10_000).padStart(4, '0');
  return `${day}${month}${year}-${serial}`;
}

let counter = Math.floor(Math.random() * 1_000_000);

/** The body of one create; the CPR differs per request (the service keeps every citizen's referrals apart). */
export function createBody(): string {
  const n = counter++;
  return JSON.stringify({
    cpr: cprFor(n),
    targetGroup: TARGET_GROUPS[n % TARGET_GROUPS.length].code,
    assessedLevel: 'HIGH',
    referralDate: '2026-01-15',
  });
}

/** One autocannon run: throughput of 2xx answers, latency percentiles (ms), and what failed. */
export async function measure(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ timeout: 30, ...options });
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** POST /api/v1/referrals with a fresh Idempotency-Key and CPR per request. */
export function createLoad(baseUrl: string, token: string, connections: number, seconds: number) {
  return measure({
    url: baseUrl,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/api/v1/referrals',
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': `bench-${randomUUID()}` },
          body: createBody(),
        }),
      },
    ],
  });
}

/** GET /api/v1/referrals/:id on a random one of the given referrals. */
export function readLoad(
  baseUrl: string,
  token: string,
  ids: string[],
  connections: number,
  seconds: number,
) {
  return measure({
    url: baseUrl,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/api/v1/referrals/${ids[Math.floor(Math.random() * ids.length)]}`,
        }),
      },
    ],
  });
}

/** Creates n referrals through the API, `inFlight` at a time; returns their ids. */
export async function createReferrals(
  baseUrl: string,
  token: string,
  n: number,
  inFlight = 8,
): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next += 1;
      ids.push((await createOne(baseUrl, token)).id);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return ids;
}

export async function createOne(baseUrl: string, token: string): Promise<{ id: string; receivedAt: number }> {
  const res = await fetch(`${baseUrl}/api/v1/referrals`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `bench-${randomUUID()}`,
    },
    body: createBody(),
  });
  const receivedAt = performance.now();
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id)
    throw new Error(`create answered ${res.status}: ${JSON.stringify(body)}`);
  return { id: body.id, receivedAt };
}

/** One read by id, as the load does it (so the database work of one read can be copied for the baseline). */
export async function readOne(baseUrl: string, token: string, id: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/referrals/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`read answered ${res.status}`);
}
