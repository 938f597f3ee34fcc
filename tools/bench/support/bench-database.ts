import { migrate } from '@platform/persistence';
import { migrationsDir } from '@platform/testing';
import { Client } from 'pg';
import { SERVICES, type ServiceInfo } from '../../services';

/** The benchmark's own database: never the demo data (`referrals`) nor the tests' (`referrals_test`). */
export function benchDatabaseUrl(service: ServiceInfo): string {
  const url = new URL(service.defaultDatabaseUrl);
  url.pathname = `/${url.pathname.slice(1)}_bench`;
  return url.toString();
}

/**
 * The same database reached through PostgreSQL's Unix-domain socket in `dir` (libpq's and pg's `host=` query
 * parameter) instead of TCP on loopback: what a service on the database's own host can use. Both the service
 * and the direct baseline get this URL, so the comparison stays like for like.
 */
export function overSocket(databaseUrl: string, dir: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('host', dir);
  return url.toString();
}

export function serviceInfo(name: string): ServiceInfo {
  const info = SERVICES.find((s) => s.name === name);
  if (!info) throw new Error(`no service ${name} in tools/services.ts`);
  return info;
}

/**
 * A fresh bench database, migrated: every run starts from empty tables and indexes. Dropped rather than
 * emptied because the outbox refuses to lose audit rows (its append-only trigger), which is right everywhere
 * but here.
 */
export async function prepareBenchDatabase(service: ServiceInfo): Promise<string> {
  const url = benchDatabaseUrl(service);
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  if (!name.endsWith('_bench')) throw new Error(`refusing to drop ${name}: not a bench database`);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await migrate(url, migrationsDir(service.name));
  return url;
}

export async function withClient<R>(url: string, fn: (client: Client) => Promise<R>): Promise<R> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
