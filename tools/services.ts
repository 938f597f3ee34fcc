/** The services of the platform that exist so far, with what the tools need to know about each. */
export interface ServiceInfo {
  name: string;
  port: number;
  /** Environment variable with its database URL, and the default for the local stack. */
  databaseEnv: string;
  defaultDatabaseUrl: string;
  prismaDir: string;
}

const pg = (db: string) => `postgresql://postgres@127.0.0.1:5432/${db}`;

export const SERVICES: ServiceInfo[] = [
  {
    name: 'referrals',
    port: 3001,
    databaseEnv: 'REFERRALS_DATABASE_URL',
    defaultDatabaseUrl: pg('referrals'),
    prismaDir: 'apps/referrals/prisma',
  },
];

export function databaseUrl(service: ServiceInfo, env: NodeJS.ProcessEnv = process.env): string {
  return env[service.databaseEnv] ?? service.defaultDatabaseUrl;
}
