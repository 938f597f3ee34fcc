import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cprShapedRuns } from './cpr-scan';

/** Where `mark` keeps how long each log was, inside the logs' folder. */
const MARK_FILE = '.log-scan-offsets.json';

/** A CPR-shaped string in a log: the file, and where in this run's part of it (never the digits). */
export interface LogFinding {
  file: string;
  line: number;
  column: number;
}

const logsIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.log'))
        .sort()
    : [];

/** Remembers how long each log in `dir` is now: `scan` reads only what is written after. */
export function markLogs(dir: string): void {
  const offsets = Object.fromEntries(logsIn(dir).map((f) => [f, statSync(join(dir, f)).size]));
  writeFileSync(join(dir, MARK_FILE), JSON.stringify(offsets));
}

/**
 * Scans what every log in `dir` gained since `markLogs` (a log that appeared since, whole): the services'
 * logs and the jest output of the integration and end-to-end runs (`jest-*.log`, tools/platform tees it there,
 * with what in-process services logged to jest's stdout).
 */
export function scanLogs(dir: string): { logs: number; bytes: number; findings: LogFinding[] } {
  const markFile = join(dir, MARK_FILE);
  const offsets = existsSync(markFile)
    ? (JSON.parse(readFileSync(markFile, 'utf8')) as Record<string, number>)
    : {};
  const files = logsIn(dir);
  let bytes = 0;
  const findings: LogFinding[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file))
      .subarray(offsets[file] ?? 0)
      .toString('utf8');
    bytes += text.length;
    for (const { line, column } of cprShapedRuns(text)) findings.push({ file, line, column });
  }
  return { logs: files.length, bytes, findings };
}
