import { getToken } from '@platform/testing';
import request from 'supertest';
import { claimsOf, forgeToken, kidOf } from './support/forged-token';
import { newReferralBody } from './support/referral-factory';
import { startReferralsApp, type ReferralsTestApp } from './support/referrals-app';

describe('access to referrals with real Keycloak tokens', () => {
  let t: ReferralsTestApp;
  let http: ReturnType<typeof request>;
  let created: { id: string };

  beforeAll(async () => {
    t = await startReferralsApp();
    http = request(t.app.getHttpServer());
    const token = await getToken('caseworker-101');
    const res = await http.post('/api/v1/referrals').auth(token, { type: 'bearer' }).send(newReferralBody());
    expect(res.status).toBe(201);
    created = res.body;
  });
  afterAll(() => t.close());

  it("lets municipality 101's case worker create a referral owned by 101", () => {
    expect(created).toMatchObject({ municipalityCode: '101', status: 'DRAFT' });
  });

  it("lets 101's municipal system (service account) read it", async () => {
    const res = await http
      .get(`/api/v1/referrals/${created.id}`)
      .auth(await getToken('muni-101-system'), { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('W/"1"');
  });

  it("answers 404 to municipality 751's case worker for 101's referral", async () => {
    const res = await http
      .get(`/api/v1/referrals/${created.id}`)
      .auth(await getToken('caseworker-751'), { type: 'bearer' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const audit = await t.prisma.outboxMessage.findMany({
      where: { topic: 'audit.events.v1', messageKey: created.id },
    });
    const denied = audit
      .map((a) => a.payload as { outcome: string; actor: { orgCode: string } })
      .filter((p) => p.outcome === 'DENIED');
    expect(denied.map((p) => p.actor.orgCode)).toContain('751');
  });

  it("leaves 101's referral out of 751's list", async () => {
    const res = await http
      .get('/api/v1/referrals?limit=200')
      .auth(await getToken('caseworker-751'), { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).not.toContain(created.id);
    expect(res.body.items.every((r: { municipalityCode: string }) => r.municipalityCode === '751')).toBe(
      true,
    );
  });

  it("shows it in 101's own list", async () => {
    const res = await http
      .get('/api/v1/referrals?limit=200')
      .auth(await getToken('caseworker-101'), { type: 'bearer' });
    expect(res.body.items.map((r: { id: string }) => r.id)).toContain(created.id);
  });

  it('refuses a region token on create with 403', async () => {
    const res = await http
      .post('/api/v1/referrals')
      .auth(await getToken('caseworker-1084'), { type: 'bearer' })
      .send(newReferralBody());
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('urn:dk:social:problem:forbidden');
  });

  it('refuses a call without a token with 401 problem+json', async () => {
    const res = await http.post('/api/v1/referrals').send(newReferralBody());
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('urn:dk:social:problem:unauthenticated');
  });

  it('refuses a token signed by another key with 401', async () => {
    const real = await getToken('caseworker-101');
    const forged = forgeToken({ ...claimsOf(real), exp: Math.floor(Date.now() / 1000) + 300 }, kidOf(real));
    const res = await http.get('/api/v1/referrals').auth(forged, { type: 'bearer' });
    expect(res.status).toBe(401);
  });

  it('refuses an expired token with 401', async () => {
    const shortLived = await getToken('short-lived-test');
    const { exp } = claimsOf(shortLived) as { exp: number };
    await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 1500));
    const res = await http.get('/api/v1/referrals').auth(shortLived, { type: 'bearer' });
    expect(res.status).toBe(401);
    expect(res.body.detail).toContain('expired');
  });

  it('refuses a token from another realm with 401', async () => {
    const res = await http
      .get('/api/v1/referrals')
      .auth(await getToken('other-realm-caseworker-101'), { type: 'bearer' });
    expect(res.status).toBe(401);
  });

  it('refuses a malformed bearer token with 401', async () => {
    const res = await http.get('/api/v1/referrals').auth('not.a.token', { type: 'bearer' });
    expect(res.status).toBe(401);
  });

  it.each(['advisor-1084', 'planner-1084'] as const)(
    'refuses the case reads to a region %s: reading cases and CPR numbers needs the case-worker role',
    async (identity) => {
      const token = await getToken(identity);
      for (const path of [
        '/api/v1/referrals',
        `/api/v1/referrals/${created.id}`,
        `/api/v1/referrals/${created.id}/citizen`,
      ]) {
        const res = await http.get(path).auth(token, { type: 'bearer' });
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
    },
  );

  it('audits allowed reads of a case (get, list and the citizen) with the request id', async () => {
    const token = await getToken('caseworker-101');
    for (const [path, requestId] of [
      [`/api/v1/referrals/${created.id}`, 'read-audit-get-4711'],
      ['/api/v1/referrals?limit=100', 'read-audit-list-4711'],
      [`/api/v1/referrals/${created.id}/citizen`, 'read-audit-citizen-4711'],
    ]) {
      const res = await http.get(path).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId);
      expect(res.status).toBe(200);
    }
    const rows = await t.prisma.outboxMessage.findMany({
      where: { topic: 'audit.events.v1', messageKey: created.id },
    });
    const reads = rows
      .map(
        (r) =>
          r.payload as { action: string; outcome: string; requestId?: string; citizenPseudonym?: string },
      )
      .filter((a) => a.requestId?.startsWith('read-audit-'))
      .map((a) => ({
        action: a.action,
        outcome: a.outcome,
        requestId: a.requestId,
        pseudonymised: Boolean(a.citizenPseudonym),
      }));
    expect(reads).toEqual(
      expect.arrayContaining([
        {
          action: 'referral.read',
          outcome: 'ALLOWED',
          requestId: 'read-audit-get-4711',
          pseudonymised: true,
        },
        {
          action: 'referral.list',
          outcome: 'ALLOWED',
          requestId: 'read-audit-list-4711',
          pseudonymised: true,
        },
        {
          action: 'citizen.read',
          outcome: 'ALLOWED',
          requestId: 'read-audit-citizen-4711',
          pseudonymised: true,
        },
      ]),
    );
  });
});
