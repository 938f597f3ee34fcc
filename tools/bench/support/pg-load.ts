import { Pool } from 'pg';
import type { LoadResult } from './api-load';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The direct baseline of a read: the statements the API runs for one request, run with node-postgres at
 * `connections` concurrent clients for `seconds`, each iteration timed. Same figures as an autocannon run.
 */
export async function pgLoad(
  url: string,
  statements: readonly Statement[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const pool = new Pool({ connectionString: url, max: connections });
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      try {
        for (const s of statements) await pool.query(s.text, s.values);
        latencies.push(performance.now() - started);
      } catch {
        failures += 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    await pool.end();
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), failures };
}
