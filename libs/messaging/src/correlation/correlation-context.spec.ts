import { correlationIdOrNew, currentCorrelationId, withCorrelation } from './correlation-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the correlation context', () => {
  it('holds the id for everything the work awaits, and nothing outside it', async () => {
    const seen = await withCorrelation('case-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentCorrelationId();
    });
    expect(seen).toBe('case-1');
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('lets an inner scope name another case and returns to the outer one after it', () => {
    withCorrelation('request-1', () => {
      expect(withCorrelation('case-7', () => currentCorrelationId())).toBe('case-7');
      expect(currentCorrelationId()).toBe('request-1');
    });
  });

  it.each([['has spaces'], ['x'.repeat(101)], [''], [null], [undefined]])(
    'starts a fresh id instead of the malformed %p',
    (given) => {
      expect(withCorrelation(given, () => currentCorrelationId())).toMatch(UUID);
    },
  );

  it('gives a new id outside any context, the current one inside', () => {
    expect(correlationIdOrNew()).toMatch(UUID);
    expect(withCorrelation('case-2', () => correlationIdOrNew())).toBe('case-2');
  });
});
