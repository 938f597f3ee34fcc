import { eventually, stackSettings, testKafka, testDatabaseUrl } from '@platform/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Stops and starts servers of the local stack (`tools/stack down kafka`, `up postgres`…), as the fault tests
 * need. Asynchronous, so the test's own load keeps running while a server goes down or comes up.
 */
const TOOLS_STACK = join(__dirname, '..', '..', '..', '..', 'tools', 'stack');

export function stack(command: 'up' | 'down', server: 'kafka' | 'postgres'): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(TOOLS_STACK, [command, server], { timeout: 120_000 }, (error, _out, err) =>
      error
        ? reject(new Error(`tools/stack ${command} ${server} failed: ${err || error.message}`))
        : resolve(),
    );
  });
}

/** True when PostgreSQL accepts a connection to the service's test database and answers a query. */
export async function postgresAnswers(database = testDatabaseUrl('referrals')): Promise<boolean> {
  const client = new Client({ connectionString: database, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True when the broker answers a metadata request. */
export async function kafkaAnswers(): Promise<boolean> {
  const admin = testKafka('fault-probe', { retry: { retries: 0 }, connectionTimeout: 1_000 }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Brings a server back and waits until it answers: what every fault test's afterAll runs, whatever happened. */
export async function restore(server: 'kafka' | 'postgres'): Promise<void> {
  await stack('up', server);
  await eventually(server === 'kafka' ? kafkaAnswers : () => postgresAnswers(), 90_000);
}

/** The broker's port (Kafka) as the test principal sees it. */
export const kafkaPort = () => Number(stackSettings().kafkaBrokers[0]!.split(':').pop());
