import { projectNode } from '@platform/testing';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort, SERVICE_NODE_OPTIONS } from './service-process';
import { sleep } from './stats';

/** The smallest Node HTTP server: what start-up costs before any of our code or its libraries load. */
const SERVER =
  "require('node:http').createServer((q, s) => s.end('ok')).listen(process.env.PORT, '127.0.0.1')";

export interface BareStart {
  firstResponseMs: number;
  idleRssMb: number;
}

/**
 * The baseline of a service's cold start: `node -e` with a bare HTTP server, the services' Node options, spawn →
 * first response polled every 25 ms as spawnService polls /health/ready, and VmRSS after the same quiet time.
 */
export async function bareNodeStart(idleMs: number): Promise<BareStart> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(projectNode(), ['-e', SERVER], {
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: SERVICE_NODE_OPTIONS, PORT: String(port) },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_000) }).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error('the bare node server did not answer within 10 s');
      await sleep(25);
    }
    const firstResponseMs = performance.now() - started;
    await sleep(idleMs);
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    return { firstResponseMs, idleRssMb: Number(kb) / 1024 };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
