import { pollutingKey } from './prototype-keys';
import { clientKeys, RateLimiter } from './rate-limit';

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const request = (authorization?: string) => ({
  ip: '10.0.0.1',
  header: (name: string) => (name === 'authorization' ? authorization : undefined),
});

describe('prototype-pollution keys', () => {
  it('finds __proto__, constructor and prototype at any depth, by JSON pointer', () => {
    expect(pollutingKey(JSON.parse('{"a":1,"__proto__":{"x":1}}'))).toBe('/__proto__');
    expect(pollutingKey({ a: [{ b: { constructor: { prototype: {} } } }] })).toBe('/a/0/b/constructor');
    expect(pollutingKey({ 'a/b': { prototype: 1 } })).toBe('/a~1b/prototype');
  });

  it('lets ordinary bodies through', () => {
    expect(pollutingKey({ name: 'x', nested: [{ proto: 1, constructorName: 'y' }] })).toBeUndefined();
    expect(pollutingKey('text')).toBeUndefined();
  });
});

describe('the rate limit per client', () => {
  it('keys a request by its token client and subject, and by its address', () => {
    const token = `${b64({ alg: 'RS256' })}.${b64({ azp: 'muni-101-system', sub: 'abc' })}.sig`;
    expect(clientKeys(request(`Bearer ${token}`))).toEqual(['client:muni-101-system:abc', 'ip:10.0.0.1']);
    expect(clientKeys(request())).toEqual(['ip:10.0.0.1']);
    expect(clientKeys(request('Bearer not-a-jwt'))).toEqual(['ip:10.0.0.1']);
  });

  it('lets a burst through, then answers how long to wait, and refills at the sustained rate', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 });
    const keys = ['client:a:1', 'ip:x'];
    expect([1, 2, 3].map(() => limiter.take(keys, 0))).toEqual([undefined, undefined, undefined]);
    expect(limiter.take(keys, 0)).toBe(1);
    expect(limiter.take(keys, 500)).toBeUndefined(); // one token back after half a second
    expect(limiter.take(['client:b:2', 'ip:x'], 500)).toBeUndefined(); // another client has its own bucket
  });

  it('is off at 0 per second', () => {
    const limiter = new RateLimiter({ perSecond: 0, burst: 0 });
    expect(limiter.take(['ip:x'])).toBeUndefined();
  });
});
