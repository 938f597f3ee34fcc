import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this file that has tools/stack. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'tools', 'stack'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`tools/stack not found above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

let pending: Promise<void> | undefined;

/**
 * Starts PostgreSQL, Kafka and Keycloak if they are not running (`tools/stack up`, idempotent) and resolves
 * when all three answer. Progress lines go to stderr. Called once per process; later calls share the result.
 */
export function ensureStack(): Promise<void> {
  pending ??= new Promise<void>((resolve, reject) => {
    const root = repoRoot();
    const child = spawn(join(root, 'tools', 'stack'), ['up'], {
      cwd: root,
      stdio: ['ignore', process.stderr, process.stderr],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`tools/stack up failed (${signal ?? `exit code ${code}`}); see its output above`)),
    );
  });
  return pending;
}
