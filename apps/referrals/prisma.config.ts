import { defineConfig } from 'prisma/config';

// Prisma 7 reads connection settings from here, not from schema.prisma. Only `prisma generate` is used:
// migrations are applied by tools/migrate (Prisma's migration engine cannot be downloaded here).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
