import { execFileSync } from 'node:child_process';
import { buildDistIfNeeded, startServiceProcess, type ServiceProcess } from '@platform/testing';
import { join } from 'node:path';
import { consoleConfig, upstreamEnv, UPSTREAMS, type UpstreamName } from '../../server/config';
import { startConsole } from '../../server/main';

/** The port the realm's `console` client allows besides 3000 (tools/keycloak/src/realm.ts CONSOLE_PORTS). */
export const CONSOLE_TEST_PORT = 3100;
const root = join(__dirname, '..', '..', '..', '..');

export interface Platform {
  url: string;
  services: Record<UpstreamName, ServiceProcess>;
  stop(): Promise<void>;
}

/**
 * Every service as its own process (from dist/, against its _test database and the real stack), and the
 * console's server in front of them, as `npm start` runs it: built first, so the test drives this checkout.
 */
export async function startPlatform(): Promise<Platform> {
  execFileSync('npx', ['--no-install', 'tsx', 'tools/build.ts', 'apps/console'], {
    cwd: root,
    stdio: 'ignore',
  });
  const names = Object.keys(UPSTREAMS) as UpstreamName[];
  // One build of dist/ first: five services starting side by side must not each rebuild it at the same time.
  buildDistIfNeeded(names[0]!);
  const started = await Promise.all(names.map((name) => startServiceProcess(name)));
  const services = Object.fromEntries(names.map((n, i) => [n, started[i]!])) as Record<
    UpstreamName,
    ServiceProcess
  >;
  const env = Object.fromEntries(names.map((n) => [upstreamEnv(n), services[n].baseUrl]));
  const server = await startConsole(
    consoleConfig({
      ...env,
      PORT: String(CONSOLE_TEST_PORT),
      CONSOLE_PUBLIC_DIR: join(root, 'dist/apps/console/public'),
    }),
  );
  return {
    url: server.url,
    services,
    stop: async () => {
      await server.close();
      await Promise.all(started.map((s) => s.stop()));
    },
  };
}
