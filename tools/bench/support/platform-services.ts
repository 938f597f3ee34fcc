import { topicsConsumedBy } from '@platform/contracts';
import { authorized, getToken, type ServiceApi } from '@platform/testing';
import { join } from 'node:path';
import request from 'supertest';
import { prepareBenchDatabase, serviceInfo } from './bench-database';
import { waitCaughtUp } from './consumer-lag';
import { demoEnv, freePort, ROOT, startServiceProcess, type ServiceProcess } from './service-process';

/** A service of a benchmark across services: its process, its API as the test identities reach it, its database. */
export interface BenchService {
  process: ServiceProcess;
  api: ServiceApi;
  databaseUrl: string;
}

/**
 * Starts the services from dist/ against fresh `<service>_bench` databases (their own consumer groups, free
 * ports, one log file each), then waits until each group has read what earlier runs left on its topics.
 * `running` receives each as it starts, so the caller can stop them on failure.
 */
export async function startBenchServices<const S extends string>(
  services: readonly S[],
  running: BenchService[],
): Promise<Record<S, BenchService>> {
  const started = await Promise.all(
    services.map(async (service) => {
      const info = serviceInfo(service);
      const databaseUrl = await prepareBenchDatabase(info);
      const child = await startServiceProcess({
        service,
        log: join(ROOT, '.scratch', `bench-${service}.log`),
        env: {
          ...demoEnv(),
          NODE_ENV: 'development',
          PORT: String(await freePort()),
          [info.databaseEnv]: databaseUrl,
          KAFKA_CONSUMER_GROUP: `${service}-bench`,
        },
      });
      const http = () => request(child.baseUrl);
      const bench: BenchService = {
        process: child,
        databaseUrl,
        api: { as: async (id) => authorized(http, await getToken(id)) },
      };
      running.push(bench);
      return [service, bench] as const;
    }),
  );
  for (const service of services) {
    const topics = topicsConsumedBy(service);
    if (topics.length > 0) await waitCaughtUp(`${service}-bench`, topics);
  }
  return Object.fromEntries(started) as Record<S, BenchService>;
}
