import { useService, type TestService } from '@platform/testing';
import { auditService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';

/**
 * The HTTP edge every service shares (libs/http configureHttpApp), here on the audit service with a small rate
 * limit: 429 with Retry-After per client, security headers, CORS closed, prototype-pollution keys refused,
 * bodies over the limit 413, no stack trace in any answer.
 */
describe('the HTTP edge', () => {
  let t: TestService<PrismaService>;
  useService<PrismaService>(auditService, (service) => (t = service), {
    env: { RATE_LIMIT_PER_SECOND: '1', RATE_LIMIT_BURST: '5' },
  });

  it('answers a client past its burst with 429 problem+json and Retry-After, and another client still', async () => {
    const auditor = await t.as('auditor-state');
    const statuses: number[] = [];
    let limited: { headers: Record<string, string>; body: { type: string } } | undefined;
    for (let i = 0; i < 8; i++) {
      const res = await auditor.get('/api/v1/audit/checkpoint');
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses).toContain(429);
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited!.headers['content-type']).toContain('application/problem+json');
    expect(limited!.body.type).toContain('too-many-requests');
    const other = await (await t.as('caseworker-101')).get('/api/v1/audit/checkpoint');
    expect(other.status).toBe(403);
  });

  it('sends the security headers, and no CORS permission to another origin', async () => {
    const res = await t.http().get('/api/v1/audit/events').set('Origin', 'https://evil.example');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t
      .http()
      .options('/api/v1/audit/events')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('refuses prototype-pollution keys at any depth with 400 naming the key', async () => {
    for (const body of ['{"__proto__":{"admin":true}}', '{"a":{"constructor":{"prototype":{"x":1}}}}']) {
      const res = await t
        .http()
        .post('/api/v1/audit/checkpoint/verification')
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].pointer).toMatch(/__proto__|constructor/);
    }
  });

  it('answers a body over the limit with 413, and malformed JSON with 400, never with a stack trace', async () => {
    const big = await t
      .http()
      .post('/api/v1/audit/checkpoint/verification')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ pad: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
    const bad = await t
      .http()
      .post('/api/v1/audit/checkpoint/verification')
      .set('Content-Type', 'application/json')
      .send('{"a":');
    expect(bad.status).toBe(400);
    for (const res of [big, bad])
      expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
  });
});
