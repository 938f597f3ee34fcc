import { defineConfig } from 'prisma/config';

// Prisma 7 reads connection settings from here, not from the schema. Only `prisma generate` is used:
// migrations are applied by tools/migrate (Prisma's migration engine cannot be downloaded here).
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
});
