import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './stack';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'generated') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The compiled entry point of a service: what tools/platform and the Dockerfile run. */
export const distMain = (service: string) => join(repoRoot(), 'dist', 'apps', service, 'src', 'main.js');

/**
 * Runs tools/build.ts (swc, a few seconds) when a service's dist/ is missing or older than any source of an app
 * or lib, so a test or benchmark that runs a service as its own process runs the code of this checkout.
 */
export function buildDistIfNeeded(service: string): void {
  const root = repoRoot();
  const main = distMain(service);
  const sources = Math.max(newestMtime(join(root, 'apps')), newestMtime(join(root, 'libs')));
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return;
  execFileSync('npx', ['--no-install', 'tsx', 'tools/build.ts'], { cwd: root, stdio: 'ignore' });
}
