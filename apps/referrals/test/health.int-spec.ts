import request from 'supertest';
import { startReferralsApp, type ReferralsTestApp } from './support/referrals-app';

describe('health endpoints', () => {
  let t: ReferralsTestApp;

  beforeAll(async () => {
    t = await startReferralsApp();
  });
  afterAll(() => t.close());

  it('answers liveness without a token', async () => {
    const res = await request(t.app.getHttpServer()).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'up' });
  });

  it('answers readiness with the database, Kafka and the identity provider checked', async () => {
    const res = await request(t.app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'up', checks: { database: 'up', kafka: 'up', identity: 'up' } });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
