import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { stackSettings } from '@platform/testing';
import {
  ROOT,
  STACK_DIR,
  StackError,
  logFile,
  portOpen,
  requireTools,
  run,
  runningPid,
  say,
  seconds,
  shown,
  startDetached,
  stopServer,
  waitUntil,
} from './proc';
import type { ServerState, StackServer } from './server';

const NAME = 'keycloak';
export const KEYCLOAK_VERSION = '26.7.3';
const HOME = join(STACK_DIR, 'keycloak');
const DIST = join(HOME, `keycloak-${KEYCLOAK_VERSION}`);
const REALM_SOURCE = join(ROOT, 'infra', 'keycloak');
const IMPORTED_HASH = join(HOME, 'imported-realms.sha256');
const HTTP_PORT = 8180;
const MANAGEMENT_PORT = 9000;
const ZIP = join(
  homedir(),
  '.m2',
  'repository',
  'org',
  'keycloak',
  'keycloak-quarkus-dist',
  KEYCLOAK_VERSION,
  `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip`,
);
/** Keycloak 26.7 prefers Java 21/25; Java 17 is deprecated. */
const PREFERRED_JAVA_HOME = '/usr/lib/jvm/temurin-25-jdk-amd64';

const realmFiles = () =>
  readdirSync(REALM_SOURCE)
    .filter((f) => /^realm-.+\.json$/.test(f))
    .sort();
/** The realms we import (realm-social.json → social). */
export const realmNames = () => realmFiles().map((f) => f.slice('realm-'.length, -'.json'.length));

function realmHash(): string {
  const hash = createHash('sha256');
  for (const file of realmFiles()) hash.update(file).update(readFileSync(join(REALM_SOURCE, file)));
  return hash.digest('hex');
}

async function httpOk(url: string, body?: (json: unknown) => boolean): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) return false;
    return body ? body(await response.json()) : true;
  } catch {
    return false;
  }
}

/** Ready = the management interface says UP and every realm of ours publishes its OpenID configuration. */
async function answers(): Promise<boolean> {
  const { keycloakUrl } = stackSettings();
  const healthy = await httpOk(
    `http://127.0.0.1:${MANAGEMENT_PORT}/health/ready`,
    (j) => (j as { status?: string }).status === 'UP',
  );
  if (!healthy) return false;
  for (const realm of realmNames()) {
    if (!(await httpOk(`${keycloakUrl}/realms/${realm}/.well-known/openid-configuration`))) return false;
  }
  return true;
}

/** The official distribution from Maven Central (via ~/.m2), unpacked once into .stack/keycloak. */
async function ensureDistribution(): Promise<void> {
  if (existsSync(join(DIST, 'bin', 'kc.sh'))) return;
  const started = Date.now();
  if (!existsSync(ZIP)) {
    say(NAME, `fetching org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip from Maven Central…`);
    await run(NAME, 'mvn', [
      '-q',
      '-B',
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get',
      `-Dartifact=org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`,
      '-Dtransitive=false',
    ]);
  }
  say(NAME, `unpacking the distribution into ${shown(HOME)}…`);
  const tmp = join(HOME, 'unpack.tmp');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await run(NAME, 'unzip', ['-q', ZIP, '-d', tmp]);
  renameSync(join(tmp, `keycloak-${KEYCLOAK_VERSION}`), DIST);
  rmSync(tmp, { recursive: true, force: true });
  for (const script of readdirSync(join(DIST, 'bin')).filter((f) => f.endsWith('.sh')))
    chmodSync(join(DIST, 'bin', script), 0o755);
  say(NAME, `unpacked in ${seconds(started)}`);
}

function copyRealms(): void {
  const importDir = join(DIST, 'data', 'import');
  rmSync(importDir, { recursive: true, force: true });
  mkdirSync(importDir, { recursive: true });
  const files = realmFiles();
  if (files.length === 0)
    throw new StackError(
      `keycloak: no realm-*.json in ${shown(REALM_SOURCE)}; run npx tsx tools/keycloak/generate-realm.ts`,
    );
  for (const file of files) copyFileSync(join(REALM_SOURCE, file), join(importDir, file));
  writeFileSync(IMPORTED_HASH, `${realmHash()}\n`);
}

function warnIfRealmChanged(): void {
  if (existsSync(IMPORTED_HASH) && readFileSync(IMPORTED_HASH, 'utf8').trim() !== realmHash()) {
    say(
      NAME,
      `the realm JSON in ${shown(REALM_SOURCE)} changed since this Keycloak started; to import it: tools/stack down keycloak && tools/stack up`,
    );
  }
}

export const keycloak: StackServer = {
  name: NAME,
  async status(): Promise<ServerState> {
    const pid = runningPid(NAME, DIST);
    const { keycloakUrl } = stackSettings();
    return {
      name: NAME,
      address: keycloakUrl.replace(/^https?:\/\//, ''),
      up: await answers(),
      pid,
      detail: pid ? `realms ${realmNames().join(', ')}` : 'external server',
    };
  },

  async up(): Promise<void> {
    const running = runningPid(NAME, DIST);
    const started = Date.now();
    if (running) {
      await waitUntil(NAME, answers, { timeoutMs: 180_000, pid: running, intervalMs: 1000 });
      say(NAME, `already running (pid ${running})`);
      warnIfRealmChanged();
      return;
    }
    if (await answers()) {
      say(NAME, `using the server at ${stackSettings().keycloakUrl} (not started by tools/stack)`);
      return;
    }
    for (const port of [HTTP_PORT, MANAGEMENT_PORT]) {
      if (await portOpen(port))
        throw new StackError(`keycloak: port ${port} is taken by something that is not our Keycloak`);
    }
    const javaHome = existsSync(join(PREFERRED_JAVA_HOME, 'bin', 'java'))
      ? PREFERRED_JAVA_HOME
      : process.env.JAVA_HOME;
    const unpacked = existsSync(join(DIST, 'bin', 'kc.sh'));
    requireTools(NAME, [
      { tool: 'java', why: 'runs Keycloak', javaHome },
      ...(unpacked || existsSync(ZIP)
        ? []
        : [{ tool: 'mvn' as const, why: 'fetches the Keycloak distribution from Maven Central' }]),
      ...(unpacked ? [] : [{ tool: 'unzip' as const, why: 'unpacks the Keycloak distribution' }]),
    ]);
    await ensureDistribution();
    copyRealms();
    say(
      NAME,
      `starting on 127.0.0.1:${HTTP_PORT} (management ${MANAGEMENT_PORT}, Java ${javaHome ?? 'from PATH'})`,
    );
    const pid = startDetached(
      NAME,
      join(DIST, 'bin', 'kc.sh'),
      [
        'start-dev',
        `--http-port=${HTTP_PORT}`,
        '--http-host=127.0.0.1',
        `--hostname=http://127.0.0.1:${HTTP_PORT}`,
        '--import-realm',
        '--health-enabled=true',
        '--db=dev-mem',
        `--http-management-port=${MANAGEMENT_PORT}`,
      ],
      {
        cwd: DIST,
        env: {
          ...process.env,
          ...(javaHome ? { JAVA_HOME: javaHome } : {}),
          // DEMO ADMIN FOR LOCAL USE ONLY.
          KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
          KC_BOOTSTRAP_ADMIN_PASSWORD: 'admin',
          JAVA_OPTS_KC_HEAP: '-Xms128m -Xmx768m',
        },
      },
    );
    await waitUntil(NAME, answers, { timeoutMs: 180_000, pid, intervalMs: 1000 });
    say(NAME, `ready in ${seconds(started)}`);
  },

  async down(): Promise<void> {
    const pid = runningPid(NAME, DIST);
    if (!pid) {
      if (await answers()) say(NAME, 'not started by tools/stack; left alone');
      return;
    }
    const how = await stopServer(NAME, pid, { graceMs: 30_000 });
    rmSync(IMPORTED_HASH, { force: true });
    say(NAME, `${how} (pid ${pid}); log in ${shown(logFile(NAME))}`);
  },
};
