import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { measure, type LoadResult } from './api-load';

/** One service's main write as the load sends it: a POST with a JSON body made fresh per request. */
export interface WriteRequest {
  baseUrl: string;
  token: string;
  path: string;
  body: () => object;
}

const headers = (token: string) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/json',
});

/** The write at `connections` concurrent clients for `seconds`, a fresh Idempotency-Key per request (autocannon). */
export function writeLoad(w: WriteRequest, connections: number, seconds: number): Promise<LoadResult> {
  return measure({
    url: w.baseUrl,
    connections,
    duration: seconds,
    headers: headers(w.token),
    requests: [
      {
        method: 'POST',
        path: w.path,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': `bench-${randomUUID()}` },
          body: JSON.stringify(w.body()),
        }),
      },
    ],
  });
}

/** One write, as the load makes it; the id of what it created. */
export async function writeOne(w: WriteRequest): Promise<string> {
  const res = await fetch(`${w.baseUrl}${w.path}`, {
    method: 'POST',
    headers: { ...headers(w.token), 'idempotency-key': `bench-${randomUUID()}` },
    body: JSON.stringify(w.body()),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id)
    throw new Error(`POST ${w.path} answered ${res.status}: ${JSON.stringify(body)}`);
  return body.id;
}

/** User + system CPU time of a process so far, in ms (from /proc/<pid>/stat, in clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
