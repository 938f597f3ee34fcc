import { jobInterval } from './job-interval';

describe('a financing job’s interval', () => {
  it('is hourly by default, off under Jest unless set, and refuses nonsense naming the variable', () => {
    expect(jobInterval('X_MS', {})).toBe(3_600_000);
    expect(jobInterval('X_MS', { JEST_WORKER_ID: '1' })).toBeNull();
    expect(jobInterval('X_MS', { JEST_WORKER_ID: '1', X_MS: '500' })).toBe(500);
    expect(() => jobInterval('X_MS', { X_MS: '10' })).toThrow(/X_MS/);
  });
});
