import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { kafka } from './kafka';
import { keycloak } from './keycloak';
import { postgres } from './postgres';
import { STACK_DIR, StackError, isAlive, say, seconds, sleep } from './proc';
import type { ServerName, ServerState, StackServer } from './server';

export const SERVERS: Record<ServerName, StackServer> = { postgres, kafka, keycloak };
export const SERVER_NAMES = Object.keys(SERVERS) as ServerName[];

export function isServerName(name: string): name is ServerName {
  return (SERVER_NAMES as string[]).includes(name);
}

const LOCK = join(STACK_DIR, 'lock');

/** One `up`/`down` at a time (parallel test runs all call `up`): the others wait for it, then see its result. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(STACK_DIR, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(LOCK, 'utf8').trim() || 0);
      if (!holder || !isAlive(holder)) {
        rmSync(LOCK, { force: true });
        continue;
      }
      if (!announced) say('', `waiting for another tools/stack (pid ${holder})…`);
      announced = true;
      await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/**
 * Starts the servers that are not running and waits until each is ready: PostgreSQL first (quick), then
 * Kafka and Keycloak side by side. A server that fails to get ready is stopped again; the error names it
 * and its log.
 */
export async function stackUp(names: ServerName[] = SERVER_NAMES): Promise<void> {
  const started = Date.now();
  const upOrStop = async (server: StackServer) => {
    try {
      await server.up();
    } catch (error) {
      await server.down().catch(() => undefined);
      throw error;
    }
  };
  await withLock(async () => {
    if (names.includes('postgres')) await upOrStop(postgres);
    const results = await Promise.allSettled(
      names.filter((n) => n !== 'postgres').map((n) => upOrStop(SERVERS[n])),
    );
    const failures = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as Error).message);
    if (failures.length > 0) throw new StackError(failures.join('\n'));
  });
  say('', `${names.join(', ')} up in ${seconds(started)}`);
}

/** Stops what tools/stack started (Keycloak and Kafka first, PostgreSQL last); anything else is left alone. */
export async function stackDown(names: ServerName[] = SERVER_NAMES): Promise<void> {
  await withLock(async () => {
    await Promise.all(names.filter((n) => n !== 'postgres').map((n) => SERVERS[n].down()));
    if (names.includes('postgres')) await postgres.down();
  });
}

export async function stackStatus(): Promise<ServerState[]> {
  return Promise.all(SERVER_NAMES.map((n) => SERVERS[n].status()));
}
