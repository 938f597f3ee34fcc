/**
 * Writes the AsyncAPI document of the platform's topics and events to docs/asyncapi/platform.json, generated
 * from libs/contracts (the registry and the event schemas are the one source). `--check` writes nothing and
 * fails when the committed file differs, e.g. after a schema change without a rewrite.
 *
 *   npx tsx tools/asyncapi.ts           rewrite the file
 *   npx tsx tools/asyncapi.ts --check   exit 1 on drift
 */
import { buildAsyncApiDocument } from '@platform/contracts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';

const TARGET = join(__dirname, '../docs/asyncapi/platform.json');

async function main(): Promise<void> {
  // Formatted as prettier would, so `prettier --check` and this writer never fight over the file.
  const options = await resolveConfig(TARGET);
  const text = await format(JSON.stringify(buildAsyncApiDocument(), null, 2), {
    ...options,
    filepath: TARGET,
  });
  const name = relative(process.cwd(), TARGET);
  if (process.argv.includes('--check')) {
    const committed = existsSync(TARGET) ? readFileSync(TARGET, 'utf8') : '';
    if (committed !== text) {
      console.error(`${name} is out of date: run npx tsx tools/asyncapi.ts`);
      process.exitCode = 1;
      return;
    }
    console.log(`${name} is up to date`);
    return;
  }
  mkdirSync(dirname(TARGET), { recursive: true });
  writeFileSync(TARGET, text);
  console.log(`wrote ${name}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
