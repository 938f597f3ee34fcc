import { cprShapedRuns } from './cpr-scan';

describe('the CPR scan of the logs', () => {
  it('finds a CPR number with and without the hyphen, and says where, not what', () => {
    const findings = cprShapedRuns('{"msg":"x","cpr":"0101901234"}\nok\nname 010190-1234 here');
    expect(findings).toEqual([
      { line: 1, column: 19 },
      { line: 3, column: 6 },
    ]);
    expect(JSON.stringify(findings)).not.toContain('0101');
  });

  it('leaves ids, hashes, instants, epoch seconds and durations alone', () => {
    const line = JSON.stringify({
      requestId: '6f1c2a9e-3b7d-4c21-9a51-010190123456',
      pseudonym: '0101901234'.padEnd(64, 'a'),
      time: '2026-11-26T15:41:31.123Z',
      epoch: 1764171691,
      ms: 1764171691123,
      offset: '123456789012',
      hex: 'ab0101901234cd',
    });
    expect(cprShapedRuns(line)).toEqual([]);
  });

  it('needs a day and month that exist', () => {
    expect(cprShapedRuns('3213901234 0113901234')).toEqual([]);
    expect(cprShapedRuns('3112901234')).toHaveLength(1);
  });
});
