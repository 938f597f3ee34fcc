import { AuditRecorded } from '@platform/contracts';
import { routesWithoutAccessRule } from '@platform/auth';
import { schemaDrift } from '@platform/persistence';
import {
  closePublisher,
  eventually,
  publishEvent,
  TEST_IDENTITIES,
  testDatabaseUrl,
  useService,
  type IdentityName,
  type TestService,
} from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { auditService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { ledgerCaughtUp } from './support/caught-up';

/** Every endpoint of the audit ledger: the state auditor's alone. */
const LEDGER_ENDPOINTS = [
  ['get', '/api/v1/audit/events'],
  ['get', '/api/v1/audit/events/fhir'],
  ['get', '/api/v1/audit/verification'],
  ['get', '/api/v1/audit/checkpoint'],
  ['post', '/api/v1/audit/checkpoint/verification'],
] as const;

const municipalAndRegional = (Object.keys(TEST_IDENTITIES) as IdentityName[]).filter((name) => {
  const identity = TEST_IDENTITIES[name];
  return identity.realm === 'social' && identity.orgType !== 'state' && name !== 'short-lived-test';
});

const PSEUDONYM = 'c0ffee'.padEnd(64, '0');

describe('the audit service: ledger, append-only role, verify, checkpoints, access', () => {
  let t: TestService<PrismaService>;
  let superuser: Client;
  useService<PrismaService>(auditService, (service) => (t = service));

  beforeAll(async () => {
    superuser = new Client({ connectionString: testDatabaseUrl('audit') });
    await superuser.connect();
    await ledgerCaughtUp();
  }, 620_000);
  afterAll(async () => {
    await superuser?.end();
    await closePublisher();
  });

  /** Publishes an audit event as a service would, and waits until the ledger holds it. */
  async function recorded(overrides: Record<string, unknown> = {}) {
    const requestId = `audit-int-${randomUUID()}`;
    const eventId = await publishEvent(
      AuditRecorded,
      'referral-1',
      {
        actor: {
          subject: randomUUID(),
          clientId: 'platform-cli',
          orgType: 'municipality',
          orgCode: '101',
          roles: ['caseworker'],
        },
        action: 'referral.read',
        resource: { type: 'referral', id: randomUUID() },
        citizenPseudonym: PSEUDONYM,
        purpose: 'visitation',
        outcome: 'ALLOWED',
        requestId,
        service: 'referrals',
        occurredAt: new Date().toISOString(),
        ...overrides,
      },
      '/services/referrals',
    );
    await eventually(async () => (await t.db.auditLedgerRow.count({ where: { eventId } })) === 1);
    return (await t.db.auditLedgerRow.findUniqueOrThrow({ where: { eventId } }))!;
  }

  it('is ready: its database, Kafka and Keycloak answer', async () => {
    const res = await t.http().get('/health/ready');
    expect(res.status).toBe(200);
  });

  it('gives every route an @Access or @Public rule (the guard denies the others)', () => {
    expect(routesWithoutAccessRule(t.app)).toEqual([]);
  });

  it('has the database its schema folder describes, platform tables included', async () => {
    const schema = join(__dirname, '../prisma/schema');
    expect(await schemaDrift(schema, t.config.kit.databaseUrl)).toEqual([]);
  });

  it('appends an audit event from audit.events.v1 as the next link of the chain', async () => {
    const row = await recorded();
    const previous = await t.db.auditLedgerRow.findUnique({ where: { seq: row.seq - 1n } });
    expect(row.prevHash).toBe(previous ? previous.hash : '0'.repeat(64));
    expect(row).toMatchObject({ service: 'referrals', action: 'referral.read', citizenPseudonym: PSEUDONYM });
    const res = await (
      await t.as('auditor-state')
    ).get(`/api/v1/audit/events?citizenPseudonym=${PSEUDONYM}&limit=1000`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { eventId: string }) => i.eventId)).toContain(row.eventId);
  });

  it("lets the application's role insert and read the ledger, never change or delete it", async () => {
    await superuser.query('BEGIN');
    try {
      await superuser.query('SET LOCAL ROLE audit_ledger_writer');
      await expect(superuser.query('SELECT count(*) FROM audit_ledger')).resolves.toBeDefined();
      await expect(
        superuser.query("UPDATE audit_ledger SET purpose = 'x' WHERE seq = 1"),
      ).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await superuser.query('ROLLBACK');
    }
    for (const statement of [
      "UPDATE audit_ledger SET purpose = 'x' WHERE seq = 1",
      'DELETE FROM audit_ledger WHERE seq = 1',
      'TRUNCATE audit_ledger',
    ]) {
      await superuser.query('BEGIN');
      try {
        await superuser.query('SET LOCAL ROLE audit_ledger_writer');
        await expect(superuser.query(statement)).rejects.toMatchObject({ code: '42501' });
      } finally {
        await superuser.query('ROLLBACK');
      }
      // and the trigger refuses it to the owner and superusers too
      await expect(superuser.query(statement)).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('names the row a superuser edited behind the trigger, and holds again once it is put back', async () => {
    const row = await recorded();
    const auditor = await t.as('auditor-state');
    const tamper = async (purpose: string) => {
      await superuser.query('BEGIN');
      await superuser.query('SET LOCAL session_replication_role = replica');
      await superuser.query('UPDATE audit_ledger SET purpose = $1 WHERE seq = $2', [
        purpose,
        String(row.seq),
      ]);
      await superuser.query('COMMIT');
    };
    await tamper('curiosity');
    try {
      const res = await auditor.get('/api/v1/audit/verification');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        valid: false,
        firstBroken: { seq: String(row.seq), eventId: row.eventId, reason: 'content-altered' },
      });
    } finally {
      await tamper(row.purpose);
    }
    const again = await auditor.get('/api/v1/audit/verification');
    expect(again.body).toMatchObject({ valid: true, firstBroken: null });
  });

  it('signs a checkpoint that checks out later, and notices a forged one', async () => {
    await recorded();
    const auditor = await t.as('auditor-state');
    const checkpoint = await auditor.get('/api/v1/audit/checkpoint');
    expect(checkpoint.status).toBe(200);
    expect(checkpoint.body).toMatchObject({ algorithm: 'Ed25519', ledger: 'dk.social.audit-ledger' });
    expect(checkpoint.body.count).toBeGreaterThan(0);
    const ok = await auditor.post('/api/v1/audit/checkpoint/verification').send(checkpoint.body);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      signatureValid: true,
      signedByThisService: true,
      rowPresent: true,
      holds: true,
    });
    const forged = await auditor
      .post('/api/v1/audit/checkpoint/verification')
      .send({ ...checkpoint.body, lastHash: 'ab'.repeat(32) });
    expect(forged.body).toMatchObject({ signatureValid: false, rowPresent: false, holds: false });
  });

  it('pages the ledger with a cursor in chain order', async () => {
    for (let i = 0; i < 3; i++) await recorded({ action: 'paging.test' });
    const auditor = await t.as('auditor-state');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await auditor.get(
        `/api/v1/audit/events?action=paging.test&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { seq: string }) => i.seq));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.map(BigInt)).toEqual([...seen.map(BigInt)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('exports the query as a FHIR R4 Bundle of AuditEvents', async () => {
    await recorded();
    const res = await (
      await t.as('auditor-state')
    ).get(`/api/v1/audit/events/fhir?citizenPseudonym=${PSEUDONYM}&limit=5`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    expect(res.body.entry[0].resource).toMatchObject({ resourceType: 'AuditEvent', outcome: '0' });
  });

  it('answers bad input with 400 naming the field', async () => {
    const auditor = await t.as('auditor-state');
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['cursor=bm9wZQ', 'cursor'],
      ['citizenPseudonym=0101901234', 'citizenPseudonym'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['unknown=1', 'unknown'],
    ] as const) {
      const res = await auditor.get(`/api/v1/audit/events?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(res.body)).toContain(field);
      expect(JSON.stringify(res.body)).not.toContain('0101901234');
    }
  });

  it.each(municipalAndRegional)('refuses %s with 403 on every audit ledger endpoint', async (identity) => {
    const agent = await t.as(identity);
    for (const [method, path] of LEDGER_ENDPOINTS) {
      const res = await agent[method](path).send(method === 'post' ? {} : undefined);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
  });

  it('refuses the state roles other than auditor, and leaves the denials in the ledger', async () => {
    const requestId = `audit-denied-${randomUUID()}`;
    for (const identity of ['planner-state', 'finance-state', 'state-system'] as const) {
      const res = await (await t.as(identity)).get('/api/v1/audit/events').set('X-Request-Id', requestId);
      expect(res.status).toBe(403);
    }
    await eventually(async () => (await t.db.auditLedgerRow.count({ where: { requestId } })) === 3);
    const rows = await t.db.auditLedgerRow.findMany({ where: { requestId } });
    expect(rows.every((r) => r.outcome === 'DENIED' && r.service === 'audit')).toBe(true);
  });

  it("answers the citizen's access log to regions with 403, to a municipality without the citizen with 404", async () => {
    await recorded({
      actor: { subject: randomUUID(), orgType: 'municipality', orgCode: '101', roles: ['caseworker'] },
    });
    const path = `/api/v1/citizens/${PSEUDONYM}/access-log`;
    expect((await (await t.as('caseworker-1084')).get(path)).status).toBe(403);
    expect((await (await t.as('caseworker-751')).get(path)).status).toBe(404);
    const own = await (await t.as('caseworker-101')).get(path);
    expect(own.status).toBe(200);
    expect(own.body.entries[0]).toMatchObject({
      organisation: { type: 'municipality', code: '101', name: 'København' },
    });
    expect(JSON.stringify(own.body)).not.toMatch(/subject|clientId|platform-cli/);
  });
});
