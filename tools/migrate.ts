/**
 * Applies each service's SQL migrations (Prisma folder format) to its database.
 * Usage: npx tsx tools/migrate.ts [service…]   (all services when none is named)
 */
import { migrate } from '@platform/persistence';
import { join } from 'node:path';
import { databaseUrl, SERVICES } from './services';

async function main(names: string[]): Promise<void> {
  const chosen = names.length ? SERVICES.filter((s) => names.includes(s.name)) : SERVICES;
  for (const service of chosen) {
    const result = await migrate(databaseUrl(service), join(service.prismaDir, 'migrations'));
    const applied = result.applied.length ? `applied ${result.applied.join(', ')}` : 'up to date';
    console.log(
      `[migrate] ${service.name}: database ${result.database}${result.created ? ' (created)' : ''}, ${applied}`,
    );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`[migrate] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
