import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './service-process';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs tools/build.ts when the service's dist/ is missing or older than any source of an app or lib. */
export function buildIfNeeded(service: string): void {
  const main = join(ROOT, 'dist', 'apps', service, 'src', 'main.js');
  const sources = Math.max(newestMtime(join(ROOT, 'apps')), newestMtime(join(ROOT, 'libs')));
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return;
  console.error('[bench] building dist/ (sources changed)');
  execFileSync('npx', ['tsx', 'tools/build.ts'], { cwd: ROOT, stdio: 'inherit' });
}
