import { intervalSetting } from './interval-setting';

describe('a scheduled job’s interval setting', () => {
  it('is the default when unset, off when set so, and refuses nonsense naming the variable', () => {
    expect(intervalSetting('X_MS', 3_600_000, {})).toBe(3_600_000);
    expect(intervalSetting('X_MS', 3_600_000, { X_MS: 'off' })).toBeNull();
    expect(intervalSetting('X_MS', 3_600_000, { X_MS: '500' })).toBe(500);
    expect(() => intervalSetting('X_MS', 3_600_000, { X_MS: '10' })).toThrow(/X_MS/);
    expect(() => intervalSetting('X_MS', 3_600_000, { X_MS: '' })).toThrow(/X_MS/);
  });
});
