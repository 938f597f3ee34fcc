/**
 * Compiles projects to dist/ with swc (decorator metadata on, tsconfig path aliases rewritten to relative
 * requires), so `node dist/apps/<service>/src/main.js` runs without a TypeScript loader.
 *
 *   npx tsx tools/build.ts                      every app and lib (what tools/platform up runs)
 *   npx tsx tools/build.ts apps/referrals       one project into dist/<projectRoot> (the Nx `build` target)
 *   npx tsx tools/build.ts --typecheck libs/http  tsc --noEmit over one project's files (the Nx `typecheck` target)
 *   npx tsx tools/build.ts apps/console         the web console: its server (swc) and its browser bundle (Vite)
 *
 * A project's build compiles only its own files: its libs are compiled by their own build (Nx runs `^build`
 * first). Tests (*.spec.ts, test/) are not compiled. The console's browser code (apps/console/src, its own
 * tsconfig with DOM and JSX) is bundled by Vite, only when apps/console is named: a service's build never waits
 * for it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
/** Projects with browser code: bundled by Vite, type-checked with their own tsconfig.json. */
const BROWSER_APPS = ['apps/console'];

function projectRoots(args: string[]): string[] {
  const roots = args.length > 0 ? args : ['apps', 'libs'];
  for (const r of roots) {
    if (!existsSync(join(root, r))) throw new Error(`[build] no such project folder: ${r}`);
  }
  return roots.map((r) => relative(root, resolve(root, r)));
}

function compile(roots: string[]): void {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8')) as { jsc: Record<string, unknown> };
  swcrc.jsc.baseUrl = root;
  swcrc.jsc.paths = tsconfig.compilerOptions.paths;
  // One config file per run: Nx builds several projects side by side.
  const dir = mkdtempSync(join(tmpdir(), 'platform-build-'));
  const config = join(dir, '.swcrc');
  writeFileSync(config, JSON.stringify(swcrc, null, 2));
  mkdirSync(join(root, 'dist'), { recursive: true });
  try {
    execFileSync(
      bin('swc'),
      [
        ...roots,
        '-d',
        'dist',
        '--config-file',
        config,
        '--extensions',
        '.ts',
        '--ignore',
        '**/*.spec.ts,**/test/**,**/*.d.ts,**/apps/console/src/**,**/apps/console/vite.config.ts',
        '--quiet',
      ],
      { cwd: root, stdio: 'inherit' },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`[build] compiled ${roots.join(', ')} to dist/`);
}

function bundle(app: string): void {
  execFileSync(bin('vite'), ['build', '--config', join(root, app, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(`[build] bundled ${app} to dist/${app}/public`);
}

/** tsc over one project's files (tests included) with the workspace's compiler options. */
function typecheck(roots: string[]): void {
  const dir = mkdtempSync(join(root, 'node_modules', '.tsconfig-'));
  const config = join(dir, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(root, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, baseUrl: root, rootDir: root },
      include: roots.map((r) => join(root, r, '**', '*.ts')),
      exclude: [
        ...BROWSER_APPS.flatMap((app) => [join(root, app, 'src'), join(root, app, 'vite.config.ts')]),
        join(root, 'node_modules'),
        join(root, 'dist'),
        join(root, '**', 'generated', '**', '*.d.ts'),
      ],
    }),
  );
  try {
    execFileSync(bin('tsc'), ['-p', config], { cwd: root, stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const app of BROWSER_APPS.filter((a) => roots.includes(a))) {
    execFileSync(bin('tsc'), ['-p', join(root, app, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  }
  console.log(`[typecheck] ${roots.join(', ')}: no errors`);
}

const args = process.argv.slice(2);
try {
  if (args[0] === '--typecheck') typecheck(projectRoots(args.slice(1)));
  else {
    const roots = projectRoots(args);
    compile(roots);
    for (const app of BROWSER_APPS.filter((a) => roots.includes(a))) bundle(app);
  }
} catch (error) {
  // execFileSync's error repeats the child's output; the child printed it already.
  console.error((error as Error).message.split('\n')[0]);
  process.exit(1);
}
