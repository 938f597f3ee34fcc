import { cpus, loadavg } from 'node:os';

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const num = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A command-line flag's value (`--name value`), or the fallback. */
export const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

export const hasFlag = (name: string): boolean => process.argv.includes(`--${name}`);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The machine line every benchmark prints: cores, CPU, the load average before and now. */
export function machineLine(loadBefore: number[]): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  return `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}); load average 1/5/15 min before ${load(loadBefore)}, after ${load(loadavg())}`;
}

/** A goal as the tables print it: met or missed, and by how much. */
export function goal(value: number, limit: number, unit: string): string {
  const by = Math.abs(value - limit);
  return value <= limit
    ? `met (${num(by, unit === 'ms' ? 0 : 1)} ${unit} under)`
    : `**missed** by ${num(by, unit === 'ms' ? 0 : 1)} ${unit}`;
}
