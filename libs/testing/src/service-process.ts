import { migrate } from '@platform/persistence';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { buildDistIfNeeded, distMain } from './dist-build';
import type { IdentityName } from './identities';
import {
  authorized,
  migrationsDir,
  testDatabaseUrl,
  testEnvironment,
  type AuthorizedAgent,
} from './service-harness';
import { repoRoot } from './stack';
import { getToken } from './tokens';

/** Another service of the platform, running as its own process, as in production: only its API and its events. */
export interface ServiceProcess {
  name: string;
  baseUrl: string;
  http(): ReturnType<typeof request>;
  as(identity: IdentityName): Promise<AuthorizedAgent>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  const tail = readFileSync(log, 'utf8').split('\n').slice(-20).join('\n');
  throw new Error(`service process did not become ready; the end of ${log}:\n${tail}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    }));
}

/**
 * Starts a service from dist/ (built first when sources changed) on a free port against its `_test` database
 * (migrated first) and the real stack, with the same environment as the in-process harness. For tests in which
 * one service needs another's real API and events: referrals get their offers from specialty planning this way.
 */
export async function startServiceProcess(
  name: string,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  buildDistIfNeeded(name);
  await migrate(testDatabaseUrl(name), migrationsDir(name));
  const port = await freePort();
  const logs = join(repoRoot(), '.stack', 'logs');
  mkdirSync(logs, { recursive: true });
  const log = join(logs, `${name}-test.log`);
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, [distMain(name)], {
    cwd: repoRoot(),
    env: { PATH: process.env.PATH, ...testEnvironment({ name }, { PORT: String(port), ...env }) },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(baseUrl, child, log);
  const http = () => request(baseUrl);
  return {
    name,
    baseUrl,
    http,
    as: async (identity) => authorized(http, await getToken(identity)),
    stop: stopper(child),
  };
}
