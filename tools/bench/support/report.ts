import type { LoadResult } from './api-load';
import type { PgbenchResult } from './direct-sql';
import type { LatencySample } from './kafka-latency';

export interface Step {
  concurrency: number;
  api: LoadResult & { cpuMsPerRequest: number };
  direct: PgbenchResult;
}

export interface Report {
  cores: number;
  cpuModel: string;
  loadBefore: number[];
  loadAfter: number[];
  seconds: number;
  /** How the service and pgbench reach PostgreSQL: TCP on loopback, or the Unix socket's directory. */
  database: string;
  readyMs: number;
  idleRssMb: number;
  create: Step[];
  read: Step[];
  createRows: string;
  kafka?: { relay: LatencySample; raw: LatencySample };
}

const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(title: string, steps: Step[]): string[] {
  const lines = [
    `${title}`,
    '| concurrency | API req/s | API p50 / p99 | CPU ms/req (service) | direct tx/s | ratio | failures |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of steps) {
    lines.push(
      `| ${s.concurrency} | ${num(s.api.rps)} | ${num(s.api.p50, 1)} / ${num(s.api.p99, 1)} ms | ${num(s.api.cpuMsPerRequest, 2)} | ${num(s.direct.tps)} | ${num(s.api.rps / s.direct.tps, 2)} | ${s.api.failures} |`,
    );
  }
  return lines;
}

/** The results as markdown, ready to paste into docs/performance.md. */
export function render(r: Report): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const lines = [
    `machine: ${r.cores} cores (${r.cpuModel}); load average 1/5/15 min before ${load(r.loadBefore)}, after ${load(r.loadAfter)}; ${r.seconds} s per step; database over ${r.database}`,
    `service start to ready: ${num(r.readyMs)} ms; idle RSS: ${num(r.idleRssMb, 1)} MB`,
    '',
    ...table(
      `create (POST /api/v1/referrals, fresh Idempotency-Key; direct = the rows one create wrote: ${r.createRows}, one transaction)`,
      r.create,
    ),
    '',
    ...table(
      'read by id (GET /api/v1/referrals/:id; direct = the same SELECT and the audit row the read writes)',
      r.read,
    ),
  ];
  if (r.kafka) {
    const { relay, raw } = r.kafka;
    lines.push(
      '',
      '| commit → event on Kafka | n | p50 | p99 |',
      '|---|---:|---:|---:|',
      `| outbox relay (201 received → consumed) | ${relay.n} | ${num(relay.p50, 1)} ms | ${num(relay.p99, 1)} ms |`,
      `| raw kafkajs (send → consumed) | ${raw.n} | ${num(raw.p50, 1)} ms | ${num(raw.p99, 1)} ms |`,
      `| ratio | | ${num(relay.p50 / raw.p50, 2)} | ${num(relay.p99 / raw.p99, 2)} |`,
    );
  }
  return lines.join('\n');
}
