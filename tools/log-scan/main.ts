/**
 * Scans the logs of an integration run for CPR-shaped strings (docs/audit.md; architecture: CPR never appears in
 * a log line). tools/platform test runs `mark` before the tests and `check` after them:
 *
 *   npx tsx tools/log-scan/main.ts mark    remembers how long each log in .stack/logs is now
 *   npx tsx tools/log-scan/main.ts check   scans what was written since, exits 1 on any finding
 *
 * The logs: every service started as a process by the tests (`<service>-test.log`) or by tools/platform, the
 * stack's Kafka and Keycloak, and the jest output of the integration and end-to-end runs (`jest-*.log`: what
 * services booted in-process by a test log goes there). Findings name the file, line and column, never the digits.
 */
import { resolve } from 'node:path';
import { markLogs, scanLogs } from './src/log-files';

const LOGS = resolve(__dirname, '..', '..', '.stack', 'logs');

function check(): number {
  const { logs, bytes, findings } = scanLogs(LOGS);
  for (const { file, line, column } of findings) {
    console.error(
      `[log-scan] ${file}: a CPR-shaped string at line ${line} (of this run's part), column ${column}`,
    );
  }
  console.log(
    `[log-scan] ${logs} logs, ${(bytes / 1e6).toFixed(1)} MB scanned: ${findings.length} CPR-shaped strings`,
  );
  return findings.length === 0 ? 0 : 1;
}

const command = process.argv[2];
if (command === 'mark') markLogs(LOGS);
else if (command === 'check') process.exit(check());
else {
  console.error('usage: tools/log-scan/main.ts mark | check');
  process.exit(2);
}
