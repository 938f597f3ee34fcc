/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, e.g. from tools/bench/request-path.ts --profile load):
 * self time by package (node_modules package, Node internals, our apps/libs) and the top functions.
 *
 *   npx tsx tools/bench/profile-top.ts <file.cpuprofile> [--top 25]
 *
 * Percentages are of busy time: the profile's total minus `(idle)` (the process waiting for I/O).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: `pkg:@prisma/client`, `node:internal`, `ours:libs/kit`, or a V8 pseudo-frame. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return `pkg:${first.startsWith('@') ? `${first}/${second}` : first}`;
  }
  if (url.startsWith('node:')) return 'node:internal';
  const ours = /\/(apps|libs|tools)\/([^/]+)\//.exec(url);
  if (ours) return `ours:${ours[1]}/${ours[2]}`;
  return url;
}

/** Self time per node in ms, from the samples and their time deltas (more exact than hit counts). */
export function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return self;
}

function top(totals: Map<string, number>, busy: number, n: number): string[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([name, ms]) =>
        `${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`,
    );
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [--top 25]');
  const i = process.argv.indexOf('--top');
  const n = i > 0 ? Number(process.argv[i + 1]) : 25;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of selfTimes(profile)) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += ms;
    if (functionName === '(idle)') {
      idle += ms;
      continue;
    }
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const where = url
      ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(apps|libs|dist)\//, '$1/')}:${lineNumber + 1}`
      : '';
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  const busy = total - idle;
  console.log(
    `${file}\ntotal ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms, busy ${busy.toFixed(0)} ms\n`,
  );
  console.log('self time by package');
  console.log(top(byPackage, busy, n).join('\n'));
  console.log('\nself time by function');
  console.log(top(byFunction, busy, n).join('\n'));
}

if (require.main === module) main();
