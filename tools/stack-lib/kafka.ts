import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allTopicNames, TOPIC_REGISTRY } from '@platform/contracts';
import { kafkaClient, kafkaErrorTypes, type KafkaSettings } from '@platform/messaging';
import { kafkaPassword, stackSettings } from '@platform/testing';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
  type Admin,
} from 'kafkajs';
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
import { ADMIN_USER, aclKey, kafkaUsers, passwordVariable, platformAcls } from './src/kafka-security';

const env = process.env;
/** Client and controller ports: 9092/9093 unless KAFKA_PORT/KAFKA_CONTROLLER_PORT say otherwise (a second broker). */
const PORT = Number(env.KAFKA_PORT ?? 9092);
const CONTROLLER_PORT = Number(env.KAFKA_CONTROLLER_PORT ?? PORT + 1);
const NAME = 'kafka';
/** Its pid and log file: `kafka` for the default broker, `kafka-<port>` for another one. */
const ID = PORT === 9092 ? NAME : `${NAME}-${PORT}`;
const HOME = join(STACK_DIR, 'kafka');
const LIBS = join(HOME, 'libs');
/** Where the broker's data and its server.properties live: STACK_KAFKA_DIR, default .stack/kafka. */
const BROKER_DIR = env.STACK_KAFKA_DIR ? resolve(ROOT, env.STACK_KAFKA_DIR) : HOME;
const DATA = join(BROKER_DIR, 'data');
const PROPERTIES = join(BROKER_DIR, 'server.properties');
/** The security settings the storage was formatted with (hash): a change means reformatting. */
const SECURITY_STAMP = join(DATA, 'security.sha256');
const POM = join(ROOT, 'infra', 'kafka', 'pom.xml');
const LOG4J = join(ROOT, 'infra', 'kafka', 'log4j.properties');
const TEMPLATE = join(ROOT, 'infra', 'kafka', 'server.properties.template');
const CLASSPATH = `${LIBS}/*`;
const MECHANISM = 'SCRAM-SHA-256';

/** tools/stack's own client: the admin user (a super user of the local broker). */
function adminSettings(brokers: string[]): KafkaSettings {
  return {
    brokers,
    clientId: 'tools-stack',
    sasl: {
      mechanism: 'scram-sha-256',
      username: ADMIN_USER,
      password: kafkaPassword(passwordVariable(ADMIN_USER)),
    },
  };
}

function adminClient(brokers: string[]): Admin {
  return kafkaClient(adminSettings(brokers), { connectionTimeout: 1000, retry: { retries: 0 } }).admin();
}

/** The server.properties of this broker: the template with its data dir, ports and the admin's password. */
function properties(): string {
  return readFileSync(TEMPLATE, 'utf8')
    .replaceAll('@LOG_DIRS@', DATA)
    .replaceAll('@CONTROLLER_PORT@', String(CONTROLLER_PORT))
    .replaceAll('@PORT@', String(PORT))
    .replaceAll('@ADMIN_PASSWORD@', kafkaPassword(passwordVariable(ADMIN_USER)));
}

/** `--add-scram` arguments of StorageTool format: every user with its password. */
function scramArguments(): string[] {
  return kafkaUsers().flatMap((u) => [
    '--add-scram',
    `${MECHANISM}=[name=${u.name},password=${kafkaPassword(u.passwordVariable)}]`,
  ]);
}

/**
 * What the storage's security depends on: the broker's settings (listeners, SASL, authorizer) and its users with
 * their passwords. Stored next to meta.properties when formatting; a broker formatted before SASL, or with another
 * user list or password, has another (or no) stamp and is formatted again.
 */
function securityHash(): string {
  const users = kafkaUsers().map((u) => `${u.name}=${kafkaPassword(u.passwordVariable)}`);
  return createHash('sha256')
    .update(properties())
    .update(`\n${MECHANISM}\n${users.join('\n')}`)
    .digest('hex');
}

const formattedWithCurrentSecurity = () =>
  existsSync(SECURITY_STAMP) && readFileSync(SECURITY_STAMP, 'utf8').trim() === securityHash();

async function answers(brokers: string[]): Promise<boolean> {
  const admin = adminClient(brokers);
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

/**
 * KRaft storage is formatted once, before the first start, with the SCRAM users of every principal. A data dir
 * formatted with other security settings (before SASL, another user list, another password) is formatted again:
 * the local broker's topics and offsets are disposable (docs/stack.md).
 */
async function ensureFormatted(): Promise<void> {
  if (existsSync(join(DATA, 'meta.properties'))) {
    if (formattedWithCurrentSecurity()) return;
    say(
      NAME,
      `security settings (SASL users, listeners) changed since ${shown(DATA)} was formatted: formatting again`,
    );
    rmSync(DATA, { recursive: true, force: true });
  }
  mkdirSync(DATA, { recursive: true });
  const clusterId = (
    await run(ID, 'java', [
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
    throw new StackError(`kafka: StorageTool random-uuid printed '${clusterId}'; see ${shown(logFile(ID))}`);
  say(NAME, `formatting storage in ${shown(DATA)} (cluster id ${clusterId})`);
  await run(ID, 'java', [
    '-cp',
    CLASSPATH,
    `-Dlog4j.configuration=file:${LOG4J}`,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    PROPERTIES,
    ...scramArguments(),
  ]);
  writeFileSync(SECURITY_STAMP, `${securityHash()}\n`);
}

const ANY_ACL = {
  resourceType: AclResourceTypes.ANY,
  resourcePatternType: ResourcePatternTypes.ANY,
  operation: AclOperationTypes.ANY,
  permissionType: AclPermissionTypes.ANY,
};

/**
 * Brings the broker to the platform's ACLs (kafka-security.ts, from the topic registry): creates the missing ones,
 * deletes any other; and creates the registry's topics, so a consumer finds the topics of a service that does
 * not run yet. As the admin; idempotent, about 0.1 s when nothing changed.
 */
async function secure(brokers: string[]): Promise<void> {
  const admin = kafkaClient(adminSettings(brokers), { connectionTimeout: 2000 }).admin();
  await admin.connect();
  try {
    const wanted = new Map(platformAcls().map((a) => [aclKey(a), a]));
    const { resources } = await admin.describeAcls(ANY_ACL);
    const present: AclEntry[] = resources.flatMap(({ acls, ...resource }) =>
      acls.map((acl) => ({ ...resource, ...acl })),
    );
    const presentKeys = new Set(present.map(aclKey));
    const missing = [...wanted.values()].filter((a) => !presentKeys.has(aclKey(a)));
    const stale = present.filter((a) => !wanted.has(aclKey(a)));
    if (stale.length) await admin.deleteAcls({ filters: stale });
    if (missing.length) await admin.createAcls({ acl: missing });
    if (missing.length || stale.length)
      say(NAME, `ACLs: ${missing.length} created, ${stale.length} removed (${wanted.size} in all)`);
    const existing = new Set(await admin.listTopics());
    const partitions = new Map(TOPIC_REGISTRY.map((t) => [t.name as string, t.partitions]));
    const topics = allTopicNames().filter((t) => !existing.has(t));
    if (topics.length) {
      await admin
        .createTopics({
          waitForLeaders: true,
          topics: topics.map((topic) => ({
            topic,
            numPartitions: partitions.get(topic) ?? 1,
            replicationFactor: 1,
          })),
        })
        .catch((error: unknown) => {
          if (!kafkaErrorTypes(error).every((t) => t === 'TOPIC_ALREADY_EXISTS')) throw error;
        });
      say(NAME, `created ${topics.length} topics of the registry`);
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export const kafka: StackServer = {
  name: NAME,
  async status(): Promise<ServerState> {
    const brokers = stackSettings().kafkaBrokers;
    const pid = runningPid(ID, PROPERTIES);
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
    const running = runningPid(ID, PROPERTIES);
    const started = Date.now();
    if (running) {
      if (!formattedWithCurrentSecurity())
        throw new StackError(
          `kafka: the running broker (pid ${running}) was started with other security settings (no SASL, or ` +
            `other users); restart it: tools/stack down kafka && tools/stack up (its data is formatted again)`,
        );
      await waitUntil(ID, () => answers(brokers), { timeoutMs: 90_000, pid: running });
      await secure(brokers);
      say(NAME, `already running (pid ${running})`);
      return;
    }
    if (await answers(brokers)) {
      await secure(brokers).catch((error: Error) =>
        say(NAME, `could not bring the ACLs and topics up to date: ${error.message}`),
      );
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
    mkdirSync(BROKER_DIR, { recursive: true });
    writeFileSync(PROPERTIES, properties(), { mode: 0o600 });
    await ensureFormatted();
    say(NAME, `starting the broker on 127.0.0.1:${PORT} (SASL/SCRAM; controller ${CONTROLLER_PORT})`);
    const pid = startDetached(ID, 'java', [
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
    await waitUntil(ID, () => answers(brokers), { timeoutMs: 90_000, pid });
    await secure(brokers);
    say(NAME, `ready in ${seconds(started)}`);
  },

  async down(): Promise<void> {
    const pid = runningPid(ID, PROPERTIES);
    if (!pid) {
      if (await answers(stackSettings().kafkaBrokers)) say(NAME, 'not started by tools/stack; left alone');
      return;
    }
    const how = await stopServer(ID, pid, { graceMs: 30_000 });
    say(NAME, `${how} (pid ${pid})`);
  },
};
