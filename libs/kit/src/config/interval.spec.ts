import { z } from 'zod';
import { intervalMs } from './interval';

describe('a scheduled job’s interval in the configuration', () => {
  const schema = z.object({ X_MS: intervalMs(3_600_000) });

  it('is the default when unset, milliseconds when given, null (timer off) for off', () => {
    expect(schema.parse({}).X_MS).toBe(3_600_000);
    expect(schema.parse({ X_MS: '500' }).X_MS).toBe(500);
    expect(schema.parse({ X_MS: 'off' }).X_MS).toBeNull();
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['10', '', 'soon', '1.5e3x', '250.5']) {
      const result = schema.safeParse({ X_MS: bad });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['X_MS']);
    }
  });
});
