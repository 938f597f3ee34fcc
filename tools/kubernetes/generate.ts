/**
 * Writes the Kubernetes manifests under deploy/kubernetes from tools/services.ts (docs/deployment.md), so a
 * service added there gets its Deployment, Service, PodDisruptionBudget, NetworkPolicy, migration Job and
 * example Secrets without anyone remembering to write them.
 *   npx tsx tools/kubernetes/generate.ts          write the files (and delete the ones no longer generated)
 *   npx tsx tools/kubernetes/generate.ts --check  exit 1 when the committed files differ (drift)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { committedManifests, MANIFEST_DIR, renderManifests } from './src/render';

function main(check: boolean): number {
  const root = resolve(__dirname, '..', '..');
  const dir = join(root, MANIFEST_DIR);
  const wanted = renderManifests();
  const present = committedManifests(dir);
  let drift = 0;
  for (const [path, text] of wanted) {
    const same = present.includes(path) && readFileSync(join(dir, path), 'utf8') === text;
    if (same) continue;
    drift++;
    if (check)
      console.error(`${MANIFEST_DIR}/${path} is out of date: run npx tsx tools/kubernetes/generate.ts`);
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
      console.log(`${MANIFEST_DIR}/${path} written`);
    }
  }
  for (const path of present.filter((p) => !wanted.has(p))) {
    drift++;
    if (check)
      console.error(`${MANIFEST_DIR}/${path} is not generated: run npx tsx tools/kubernetes/generate.ts`);
    else {
      rmSync(join(dir, path));
      console.log(`${MANIFEST_DIR}/${path} deleted`);
    }
  }
  if (!check) console.log(`${wanted.size} files, ${drift} changed`);
  return check && drift > 0 ? 1 : 0;
}

process.exit(main(process.argv.includes('--check')));
