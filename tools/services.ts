/**
 * The services of the platform, with what the tools need to know about each. `tools/new-service` adds an
 * entry; tools/platform, tools/migrate and the docs read this list.
 */
export interface ServiceInfo {
  name: string;
  port: number;
  /** Environment variable with its database URL, and the default for the local stack. */
  databaseEnv: string;
  defaultDatabaseUrl: string;
  prismaDir: string;
}

const service = (name: string, port: number): ServiceInfo => ({
  name,
  port,
  databaseEnv: `${name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`,
  defaultDatabaseUrl: `postgresql://postgres@127.0.0.1:5432/${name.replace(/-/g, '_')}`,
  prismaDir: `apps/${name}/prisma`,
});

export const SERVICES: ServiceInfo[] = [
  service('referrals', 3001),
  service('specialty-planning', 3002),
  service('knowledge', 3003),
  service('financing', 3004),
  service('audit', 3005),
  // new-service: entries above this line
];

export function databaseUrl(info: ServiceInfo, env: NodeJS.ProcessEnv = process.env): string {
  return env[info.databaseEnv] ?? info.defaultDatabaseUrl;
}

// `npx tsx tools/services.ts` prints `name port` per service, for tools/platform.
if (require.main === module) {
  for (const s of SERVICES) console.log(`${s.name} ${s.port}`);
}
