import type { INestApplication, LogLevel } from '@nestjs/common';
import { TOPICS } from '@platform/contracts';
import { createServiceApp, loadServiceConfig, type LoadedConfig } from '@platform/kit';
import { migrate } from '@platform/persistence';
import { collectEvents, eventually, getToken, migrationsDir, testEnvironment } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { referralsService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import {
  cprDerivations,
  derivationsIn,
  oldRequestHashes,
  randomCpr,
  type Derivation,
} from './support/cpr-derivations';
import { currentXmin, scanDatabase, scannedColumns } from './support/database-scan';
import { SpecialtyPlanning } from './support/specialty-planning';
import { ReferralApi } from './support/referral-api';

const ALL_LOGS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Issue 7, finding 2: `idempotent_request.request_hash` was a plain SHA-256 of the body, CPR included, so the CPR
 * could be found by trying every number against a database copy. This drives referrals with known CPR numbers
 * through the API (with Idempotency-Keys, replays, a conflicting key, bad input, commands, the citizen read),
 * then searches every column of every table, every event of those referrals and the service's whole log output
 * (every level) for anything derivable from those numbers without a key.
 */
describe('no CPR number derivable without a key', () => {
  let app: INestApplication;
  let config: LoadedConfig;
  let api: ReferralApi;
  let db: Client;
  const planning = new SpecialtyPlanning(() => app.get<PrismaService>(referralsService.database));
  const logs: string[] = [];
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const started = new Date(Date.now() - 5_000);
  const cprs = [randomCpr(), randomCpr(), randomCpr()];
  const derivations: Derivation[] = cprs.flatMap(cprDerivations);
  const referralIds: string[] = [];
  /** Rows older than this test cannot hold its freshly made-up numbers: the scan reads only newer ones. */
  let since: string;

  beforeAll(async () => {
    // The service's log output, every level, captured instead of printed (restored in afterAll).
    const capture = (chunk: unknown) => (logs.push(String(chunk)), true);
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    config = loadServiceConfig(referralsService, testEnvironment(referralsService));
    await migrate(config.kit.databaseUrl, migrationsDir('referrals'));
    app = (await createServiceApp(referralsService, config, ALL_LOGS)).app;
    await app.init();
    api = new ReferralApi(app);
    db = new Client({ connectionString: config.kit.databaseUrl });
    await db.connect();
    since = await currentXmin(db);
  });

  afterAll(async () => {
    await db?.end();
    await planning.stop();
    await app?.close();
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  });

  /** POST /api/v1/referrals with an Idempotency-Key; remembers the old request hash of the body. */
  async function create(key: string, body: Record<string, unknown>) {
    derivations.push(...oldRequestHashes(body));
    return api
      .http()
      .post('/api/v1/referrals')
      .auth(await getToken('caseworker-101'), { type: 'bearer' })
      .set('Idempotency-Key', key)
      .send(body);
  }

  async function command(
    identity: 'caseworker-101' | 'caseworker-1084',
    id: string,
    path: string,
    body?: unknown,
  ) {
    const etag = await api.etagAs(identity, id);
    const req = api
      .http()
      .post(`/api/v1/referrals/${id}/${path}`)
      .auth(await getToken(identity), { type: 'bearer' })
      .set('If-Match', etag)
      .set('Idempotency-Key', `cpr-scan-${path.replace('/', '-')}-${randomUUID()}`);
    const res = await (body === undefined ? req : req.send(body as object));
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res;
  }

  it('drives referrals with known CPR numbers through every kind of call', async () => {
    const offer = await planning.registerOffer({
      level: 'LIGHT',
      targetGroups: ['HEARING'],
    });
    const [a, b, c] = cprs as [string, string, string];

    // A (digits): created, replayed, its key reused with another body (422), submitted, decided, sent, rejected.
    const bodyA = { cpr: a, targetGroup: 'HEARING', assessedLevel: 'LIGHT', referralDate: '2026-03-01' };
    const keyA = `cpr-scan-${randomUUID()}`;
    const first = await create(keyA, bodyA);
    expect(first.status).toBe(201);
    expect((await create(keyA, bodyA)).headers['idempotent-replayed']).toBe('true');
    expect((await create(keyA, { ...bodyA, assessedLevel: 'HIGH' })).status).toBe(422);
    const idA = first.body.id as string;
    await command('caseworker-101', idA, 'submit');
    await command('caseworker-101', idA, 'decision', {
      offerId: offer.offerId,
      level: 'LIGHT',
      startDate: '2026-05-01',
    });
    await command('caseworker-101', idA, 'send');
    await command('caseworker-1084', idA, 'reject', { reason: 'OTHER', note: 'No place before summer' });

    // B (with hyphen): urgent, its citizen read (audited), withdrawn.
    const hyphenated = `${b.slice(0, 6)}-${b.slice(6)}`;
    const created = await create(`cpr-scan-${randomUUID()}`, {
      cpr: hyphenated,
      targetGroup: 'VISION',
      assessedLevel: 'HIGH',
      urgent: true,
      urgentReason: 'Placement needed this week',
    });
    expect(created.status).toBe(201);
    const idB = created.body.id as string;
    const citizen = await api
      .http()
      .get(`/api/v1/referrals/${idB}/citizen`)
      .auth(await getToken('caseworker-101'), { type: 'bearer' });
    expect(citizen.body.cpr).toBe(b);
    await command('caseworker-101', idB, 'withdraw', { reason: 'The citizen moved away' });

    // C: refused first (bad level, then a CPR in free text), then created with the same key.
    const keyC = `cpr-scan-${randomUUID()}`;
    const bodyC = { cpr: c, targetGroup: 'VISION', assessedLevel: 'HIGH' };
    expect((await create(keyC, { ...bodyC, assessedLevel: 'EXTREME' })).status).toBe(400);
    expect((await create(keyC, { ...bodyC, urgent: true, urgentReason: `about ${c} urgently` })).status).toBe(
      400,
    );
    const createdC = await create(keyC, bodyC);
    expect(createdC.status).toBe(201);

    referralIds.push(idA, idB, createdC.body.id as string);
    // every event of theirs relayed to Kafka
    await eventually(
      async () =>
        (
          await db.query('SELECT 1 FROM outbox WHERE message_key = ANY($1) AND sent_at IS NULL', [
            referralIds,
          ])
        ).rowCount === 0,
      20_000,
    );
  });

  it('finds a planted derivation (the scan works): bytea, text, jsonb, and the old request hash', async () => {
    const pick = (prefix: string) => derivations.find((d) => d.label.startsWith(prefix))!.value;
    await db.query('CREATE TEMP TABLE cpr_canary (b bytea, t text, j jsonb, h text)');
    try {
      await db.query(`INSERT INTO cpr_canary VALUES (decode($1, 'hex'), $2, $3::jsonb, $4)`, [
        pick('sha256(CPR digits) hex'),
        `x${pick('CPR hyphen as bytes base64')}x`,
        JSON.stringify({ nested: [pick('md5(CPR hyphen) hex').toUpperCase()] }),
        pick('sha256 of the create request (old request_hash) hex'),
      ]);
      const findings = await scanDatabase(db, derivations, since);
      const canary = findings.filter((f) => f.column.includes('cpr_canary'));
      expect(canary.map((f) => f.column.split('.').pop()).sort()).toEqual(['b', 'h', 'j', 't']);
    } finally {
      await db.query('DROP TABLE cpr_canary');
    }
  });

  it('has none in any column of any table', async () => {
    const columns = await scannedColumns(db);
    expect(columns).toEqual(
      expect.arrayContaining([
        'idempotent_request.request_hash',
        'idempotent_request.response_body',
        'referral.cpr_ciphertext',
        'outbox.payload',
      ]),
    );
    expect(await scanDatabase(db, derivations, since)).toEqual([]);
  });

  it('has none in the events of those referrals or in the audit trail', async () => {
    const [referralEvents, auditEvents] = await Promise.all([
      collectEvents(TOPICS.referral, { from: started }),
      collectEvents(TOPICS.audit, { from: started }),
    ]);
    const ours = [...referralEvents, ...auditEvents].filter((e) =>
      referralIds.includes(e.key?.toString() ?? ''),
    );
    expect(ours.length).toBeGreaterThanOrEqual(12);
    const text = ours.map((e) => `${e.key?.toString()} ${JSON.stringify(e.headers)} ${e.value?.toString()}`);
    expect(derivationsIn(text.join('\n'), derivations)).toEqual([]);
  });

  it("has none in the service's log output", () => {
    const output = logs.join('');
    // the capture holds the access log of every call above, the refused ones included
    expect(output).toMatch(/"path":"\/api\/v1\/referrals","status":422/);
    expect(output).toMatch(/"path":"\/api\/v1\/referrals","status":400/);
    expect(derivationsIn(output, derivations)).toEqual([]);
  });
});
