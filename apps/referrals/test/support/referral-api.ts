import type { INestApplication } from '@nestjs/common';
import { getToken, type IdentityName as TestIdentity } from '@platform/testing';
import request from 'supertest';
import { newReferralBody } from './referral-factory';

/** A thin client of the referrals API for tests: real tokens, ETags carried from one call to the next. */
export class ReferralApi {
  constructor(private readonly app: INestApplication) {}

  http() {
    return request(this.app.getHttpServer());
  }

  async get(identity: TestIdentity, id: string) {
    return this.http()
      .get(`/api/v1/referrals/${id}`)
      .auth(await getToken(identity), { type: 'bearer' });
  }

  async create(identity: TestIdentity = 'caseworker-101', overrides: Record<string, unknown> = {}) {
    const res = await this.http()
      .post('/api/v1/referrals')
      .auth(await getToken(identity), { type: 'bearer' })
      .send(newReferralBody(overrides));
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  }

  /** POSTs a command with If-Match = the referral's current ETag (read first unless given). */
  async command(identity: TestIdentity, id: string, path: string, body?: unknown, etag?: string) {
    const token = await getToken(identity);
    const ifMatch = etag ?? (await this.etagAs(identity, id));
    const req = this.http()
      .post(`/api/v1/referrals/${id}/${path}`)
      .auth(token, { type: 'bearer' })
      .set('If-Match', ifMatch);
    // Sent as JSON text, so random property-test values (numbers, null, strings) arrive exactly as generated.
    return body === undefined ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(body));
  }

  /** The ETag as the acting identity reads it; a referral it cannot see gets a placeholder (and then a 404). */
  async etagAs(identity: TestIdentity, id: string): Promise<string> {
    const res = await this.get(identity, id);
    return (res.headers.etag as string | undefined) ?? 'W/"0"';
  }
}
