/**
 * Writes infra/keycloak/realm-social.json and realm-other.json from the reference data and the test identities.
 *   npx tsx tools/keycloak/generate-realm.ts          write the files
 *   npx tsx tools/keycloak/generate-realm.ts --check  exit 1 when the committed files differ (drift)
 * A running local Keycloak imports the new files after: tools/stack down keycloak && tools/stack up
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { realmFiles } from './src/realm';

const root = resolve(__dirname, '..', '..');
const dir = join(root, 'infra', 'keycloak');
const check = process.argv.includes('--check');
let drift = 0;
for (const [file, content] of Object.entries(realmFiles())) {
  const path = join(dir, file);
  const same = existsSync(path) && readFileSync(path, 'utf8') === content;
  if (check) {
    if (!same) {
      drift++;
      console.error(`${relative(root, path)} is out of date: run npx tsx tools/keycloak/generate-realm.ts`);
    }
  } else {
    if (!same) writeFileSync(path, content);
    console.log(`${relative(root, path)} ${same ? 'unchanged' : 'written'}`);
  }
}
process.exit(drift > 0 ? 1 : 0);
