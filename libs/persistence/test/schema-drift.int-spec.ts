import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { migrate, PLATFORM_MIGRATIONS_DIR, schemaDrift } from '../src';
import { databaseUrl, dropDatabases, MigrationsFolder, uniqueDatabase } from './support';

// A service's schema folder as apps/<service>/prisma/schema holds it: its own models and a link to the
// platform's, so the drift check also covers the outbox, inbox and idempotency tables.
const WIDGET_MODEL = `
datasource db {
  provider = "postgresql"
}

model Widget {
  id        String   @id @db.Uuid
  name      String
  size      Int?
  createdAt DateTime @map("created_at") @db.Timestamptz(3)

  @@index([name])
  @@map("widget")
}
`;

/** The migration that produces exactly WIDGET_MODEL; each case below changes one thing in it. */
const widgetTable = (columns: string[], index = 'CREATE INDEX "widget_name_idx" ON "widget"("name");') => `
CREATE TABLE "widget" (
  ${columns.join(',\n  ')},
  CONSTRAINT "widget_pkey" PRIMARY KEY ("id")
);
${index}`;

const ID = '"id" UUID NOT NULL';
const NAME = '"name" TEXT NOT NULL';
const SIZE = '"size" INTEGER';
const CREATED_AT = '"created_at" TIMESTAMPTZ(3) NOT NULL';

describe('schemaDrift()', () => {
  const schemaDir = mkdtempSync(join(tmpdir(), 'schema-'));
  const databases: string[] = [];
  const folders: MigrationsFolder[] = [];

  /** A fresh database migrated with the platform's migrations, this one before them and `later` after them. */
  async function databaseWith(sql: string | undefined, later?: string): Promise<string> {
    const database = uniqueDatabase();
    databases.push(database);
    const folder = new MigrationsFolder();
    folders.push(folder);
    if (sql) folder.write('20200101000000_widgets', sql);
    if (later) folder.write('20990101000000_later', later);
    await migrate(databaseUrl(database), folder.dir);
    return databaseUrl(database);
  }

  beforeAll(() => {
    writeFileSync(join(schemaDir, 'widgets.prisma'), WIDGET_MODEL);
    symlinkSync(
      join(dirname(PLATFORM_MIGRATIONS_DIR), 'platform.prisma'),
      join(schemaDir, 'platform.prisma'),
    );
  });

  afterAll(async () => {
    await dropDatabases(databases);
    folders.forEach((f) => f.remove());
    rmSync(schemaDir, { recursive: true, force: true });
  });

  it('finds nothing when the migrations produce the schema, platform tables included', async () => {
    const url = await databaseWith(widgetTable([ID, NAME, SIZE, CREATED_AT]));
    expect(await schemaDrift(schemaDir, url)).toEqual([]);
  });

  it('names a missing table', async () => {
    expect(await schemaDrift(schemaDir, await databaseWith(undefined))).toEqual(['table widget is missing']);
  });

  it('names a missing column', async () => {
    const url = await databaseWith(widgetTable([ID, NAME, CREATED_AT]));
    expect(await schemaDrift(schemaDir, url)).toEqual(['widget.size is missing']);
  });

  it('names a column of the wrong type', async () => {
    const url = await databaseWith(widgetTable([ID, NAME, '"size" BIGINT', CREATED_AT]));
    expect(await schemaDrift(schemaDir, url)).toEqual([
      'widget.size: schema {"udt":"int4","nullable":true,"hasDefault":false}, ' +
        'database {"udt":"int8","nullable":true,"hasDefault":false}',
    ]);
  });

  it('names a column of the wrong nullability', async () => {
    const url = await databaseWith(widgetTable([ID, '"name" TEXT', SIZE, CREATED_AT]));
    expect(await schemaDrift(schemaDir, url)).toEqual([
      'widget.name: schema {"udt":"text","nullable":false,"hasDefault":false}, ' +
        'database {"udt":"text","nullable":true,"hasDefault":false}',
    ]);
  });

  it('names a missing index', async () => {
    const url = await databaseWith(widgetTable([ID, NAME, SIZE, CREATED_AT], ''));
    expect(await schemaDrift(schemaDir, url)).toEqual(['widget: index (name) is missing']);
  });

  it('names a column the schema does not have', async () => {
    const url = await databaseWith(widgetTable([ID, NAME, SIZE, CREATED_AT, '"colour" TEXT']));
    expect(await schemaDrift(schemaDir, url)).toEqual(['widget.colour is not in the schema']);
  });

  it('names a platform table that drifted, too', async () => {
    const url = await databaseWith(
      widgetTable([ID, NAME, SIZE, CREATED_AT]),
      'ALTER TABLE inbox DROP COLUMN topic;',
    );
    expect(await schemaDrift(schemaDir, url)).toEqual(['inbox.topic is missing']);
  });
});
