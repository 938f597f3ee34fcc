import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
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

const NAME = 'kafka';
const HOME = join(STACK_DIR, 'kafka');
const LIBS = join(HOME, 'libs');
const DATA = join(HOME, 'data');
const PROPERTIES = join(HOME, 'server.properties');
const POM = join(ROOT, 'infra', 'kafka', 'pom.xml');
const LOG4J = join(ROOT, 'infra', 'kafka', 'log4j.properties');
const TEMPLATE = join(ROOT, 'infra', 'kafka', 'server.properties.template');
const PORT = 9092;
const CLASSPATH = `${LIBS}/*`;

async function answers(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'tools-stack',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The broker's jars, from Maven Central through ~/.m2; fetched again only when the pom changed. */
const pomHash = () => createHash('sha256').update(readFileSync(POM)).digest('hex');
const STAMP = join(LIBS, '.pom.sha256');
const jarsUpToDate = () => existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === pomHash();

async function ensureJars(): Promise<void> {
  if (jarsUpToDate()) return;
  const started = Date.now();
  say(NAME, 'fetching jars from Maven Central… (cached in ~/.m2 afterwards)');
  const tmp = `${LIBS}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(HOME, { recursive: true });
  await run(NAME, 'mvn', [
    '-q',
    '-B',
    '-f',
    POM,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${tmp}`,
    '-DincludeScope=runtime',
  ]);
  writeFileSync(join(tmp, '.pom.sha256'), `${pomHash()}\n`);
  rmSync(LIBS, { recursive: true, force: true });
  renameSync(tmp, LIBS);
  say(NAME, `jars in ${shown(LIBS)} (${seconds(started)})`);
}

/** KRaft storage is formatted once, before the first start. */
async function ensureFormatted(): Promise<void> {
  if (existsSync(join(DATA, 'meta.properties'))) return;
  mkdirSync(DATA, { recursive: true });
  const clusterId = (
    await run(NAME, 'java', [
      '-cp',
      CLASSPATH,
      `-Dlog4j.configuration=file:${LOG4J}`,
      'kafka.tools.StorageTool',
      'random-uuid',
    ])
  )
    .trim()
    .split('\n')
    .pop()!;
  if (!/^[\w-]{22}$/.test(clusterId))
    throw new StackError(
      `kafka: StorageTool random-uuid printed '${clusterId}'; see ${shown(logFile(NAME))}`,
    );
  say(NAME, `formatting storage in ${shown(DATA)} (cluster id ${clusterId})`);
  await run(NAME, 'java', [
    '-cp',
    CLASSPATH,
    `-Dlog4j.configuration=file:${LOG4J}`,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    PROPERTIES,
  ]);
}

export const kafka: StackServer = {
  name: NAME,
  async status(): Promise<ServerState> {
    const brokers = stackSettings().kafkaBrokers;
    const pid = runningPid(NAME, 'kafka.Kafka');
    return {
      name: NAME,
      address: brokers.join(','),
      up: await answers(brokers),
      pid,
      detail: pid ? `data in ${shown(DATA)}` : 'external broker',
    };
  },

  async up(): Promise<void> {
    const brokers = stackSettings().kafkaBrokers;
    const running = runningPid(NAME, 'kafka.Kafka');
    const started = Date.now();
    if (running) {
      await waitUntil(NAME, () => answers(brokers), { timeoutMs: 90_000, pid: running });
      say(NAME, `already running (pid ${running})`);
      return;
    }
    if (await answers(brokers)) {
      say(NAME, `using the broker at ${brokers.join(',')} (not started by tools/stack)`);
      return;
    }
    if (await portOpen(PORT))
      throw new StackError(`kafka: port ${PORT} is taken by something that is not a Kafka broker`);
    requireTools(NAME, [
      { tool: 'java', why: 'runs the broker' },
      ...(jarsUpToDate()
        ? []
        : [{ tool: 'mvn' as const, why: "fetches the broker's jars from Maven Central" }]),
    ]);
    await ensureJars();
    writeFileSync(PROPERTIES, readFileSync(TEMPLATE, 'utf8').replaceAll('@LOG_DIRS@', DATA));
    await ensureFormatted();
    say(NAME, `starting the broker on 127.0.0.1:${PORT}`);
    const pid = startDetached(NAME, 'java', [
      '-Xms128m',
      '-Xmx512m',
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${LOG4J}`,
      '-cp',
      CLASSPATH,
      'kafka.Kafka',
      PROPERTIES,
    ]);
    await waitUntil(NAME, () => answers(brokers), { timeoutMs: 90_000, pid });
    say(NAME, `ready in ${seconds(started)}`);
  },

  async down(): Promise<void> {
    const pid = runningPid(NAME, 'kafka.Kafka');
    if (!pid) {
      if (await answers(stackSettings().kafkaBrokers)) say(NAME, 'not started by tools/stack; left alone');
      return;
    }
    const how = await stopServer(NAME, pid, { graceMs: 30_000 });
    say(NAME, `${how} (pid ${pid})`);
  },
};
