import { expiryScanInterval } from './function-expiry.scheduler';

describe('the expiry scan interval', () => {
  it('is hourly outside tests', () => {
    expect(expiryScanInterval({})).toBe(3_600_000);
  });

  it('is off under Jest unless asked for', () => {
    expect(expiryScanInterval({ JEST_WORKER_ID: '1' })).toBeNull();
    expect(expiryScanInterval({ JEST_WORKER_ID: '1', FUNCTION_EXPIRY_SCAN_MS: '500' })).toBe(500);
  });

  it('refuses a value that is not an interval, naming the variable', () => {
    expect(() => expiryScanInterval({ FUNCTION_EXPIRY_SCAN_MS: 'soon' })).toThrow(/FUNCTION_EXPIRY_SCAN_MS/);
  });
});
