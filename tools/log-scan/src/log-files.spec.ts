import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markLogs, scanLogs } from './log-files';

describe('the scan of a run’s logs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'log-scan-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a CPR-shaped string that an in-process service wrote to the jest output of the run', () => {
    markLogs(dir);
    // tools/platform tees jest's output here; a service booted inside a test logs to it
    writeFileSync(
      join(dir, 'jest-integration.log'),
      'PASS integration apps/x/test/x.int-spec.ts\n{"level":"info","msg":"created","cpr":"010190-1234"}\n',
    );
    const { logs, findings } = scanLogs(dir);
    expect(logs).toBe(1);
    expect(findings).toEqual([{ file: 'jest-integration.log', line: 2, column: 40 }]);
  });

  it('scans only what a log gained since the mark, and passes a clean run', () => {
    writeFileSync(join(dir, 'referrals-test.log'), 'an earlier run: 0101901234\n');
    markLogs(dir);
    appendFileSync(join(dir, 'referrals-test.log'), '{"msg":"read","pseudonym":"ab12"}\n');
    writeFileSync(join(dir, 'jest-e2e.log'), 'PASS e2e apps/platform-e2e/test/scenario-1.e2e-spec.ts\n');
    expect(scanLogs(dir).findings).toEqual([]);
    appendFileSync(join(dir, 'referrals-test.log'), 'later: 3112901234\n');
    expect(scanLogs(dir).findings).toEqual([{ file: 'referrals-test.log', line: 2, column: 8 }]);
  });
});
