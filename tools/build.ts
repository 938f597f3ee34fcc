/**
 * Compiles apps and libs to dist/ with swc (decorator metadata on, tsconfig path aliases rewritten to
 * relative requires), so `node dist/apps/<service>/src/main.js` runs without a TypeScript loader.
 * Type checking is separate (npm run typecheck).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8')) as { jsc: Record<string, unknown> };
swcrc.jsc.baseUrl = root;
swcrc.jsc.paths = tsconfig.compilerOptions.paths;
mkdirSync(join(root, 'dist'), { recursive: true });
const config = join(root, 'dist', '.swcrc');
writeFileSync(config, JSON.stringify(swcrc, null, 2));
execFileSync(
  join(root, 'node_modules', '.bin', 'swc'),
  ['apps', 'libs', '-d', 'dist', '--config-file', config, '--ignore', '**/*.spec.ts,**/test/**', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
console.log('[build] compiled apps and libs to dist/');
