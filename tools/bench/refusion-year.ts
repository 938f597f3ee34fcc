/**
 * A national refusion year (issue 11, docs/financing.md): 98 municipalities, 20 000 citizens, 240 000 monthly cost
 * lines accrued as the cost ledger accrues them (with its check that a redelivered fact changes nothing), every
 * municipality's Q4 claim under current law and the what-if under "advice followed".
 *
 *   npx tsx tools/bench/refusion-year.ts [--municipalities 98] [--citizens 20000] [--year 2026]
 *
 * Runs apps/financing/bench/refusion-year.ts (the financing service's pure functions, in-process, no database) in
 * its own Node process with the services' options (tools/platform: a small young generation, one V8 worker), so
 * its peak RSS is that process's alone. Prints the time of each step, the totals and the peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SERVICE_NODE_OPTIONS } from './support/service-process';

const root = join(__dirname, '..', '..');
execFileSync(
  process.execPath,
  [
    ...SERVICE_NODE_OPTIONS.split(' '),
    '--import',
    'tsx',
    join(root, 'apps/financing/bench/refusion-year.ts'),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
