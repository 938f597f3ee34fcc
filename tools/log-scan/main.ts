/**
 * Scans the logs of an integration run for CPR-shaped strings (docs/audit.md; architecture: CPR never appears in
 * a log line). tools/platform test runs `mark` before the tests and `check` after them:
 *
 *   npx tsx tools/log-scan/main.ts mark    remembers how long each log in .stack/logs is now
 *   npx tsx tools/log-scan/main.ts check   scans what was written since, exits 1 on any finding
 *
 * The logs: every service started as a process by the tests (`<service>-test.log`) or by tools/platform, and
 * the stack's Kafka and Keycloak. Findings name the file, line and column, never the digits.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cprShapedRuns } from './src/cpr-scan';

const LOGS = resolve(__dirname, '..', '..', '.stack', 'logs');
const MARK = join(LOGS, '.log-scan-offsets.json');

const logs = () =>
  existsSync(LOGS)
    ? readdirSync(LOGS)
        .filter((f) => f.endsWith('.log'))
        .sort()
    : [];

function mark(): void {
  const offsets = Object.fromEntries(logs().map((f) => [f, statSync(join(LOGS, f)).size]));
  writeFileSync(MARK, JSON.stringify(offsets));
}

function check(): number {
  const offsets = existsSync(MARK) ? (JSON.parse(readFileSync(MARK, 'utf8')) as Record<string, number>) : {};
  let scanned = 0;
  let found = 0;
  for (const file of logs()) {
    const text = readFileSync(join(LOGS, file))
      .subarray(offsets[file] ?? 0)
      .toString('utf8');
    scanned += text.length;
    for (const { line, column } of cprShapedRuns(text)) {
      found += 1;
      console.error(
        `[log-scan] ${file}: a CPR-shaped string at line ${line} (of this run's part), column ${column}`,
      );
    }
  }
  console.log(
    `[log-scan] ${logs().length} logs, ${(scanned / 1e6).toFixed(1)} MB scanned: ${found} CPR-shaped strings`,
  );
  return found === 0 ? 0 : 1;
}

const command = process.argv[2];
if (command === 'mark') mark();
else if (command === 'check') process.exit(check());
else {
  console.error('usage: tools/log-scan/main.ts mark | check');
  process.exit(2);
}
