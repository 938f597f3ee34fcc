import type { INestApplication } from '@nestjs/common';
import { AuditRecorded } from '@platform/contracts';
import { createServiceApp, loadServiceConfig } from '@platform/kit';
import { migrate, PgDatabase } from '@platform/persistence';
import {
  authorized,
  closePublisher,
  eventually,
  getToken,
  migrationsDir,
  publishEvent,
  testDatabaseUrl,
  testEnvironment,
} from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import request from 'supertest';
import { auditService } from '../src/app.module';
import { ledgerRoleProblems } from '../src/ledger/ledger-role.check';
import { ledgerCaughtUp } from './support/caught-up';

/** The tests' audit database, as the service's own login role (migration 20261127110000_audit_app_login). */
const appRoleUrl = () => {
  const url = new URL(testDatabaseUrl('audit'));
  url.username = 'audit_app';
  return url.toString();
};

/**
 * The audit service as the demo and production run it: connected as audit_app, a member of audit_ledger_writer
 * that owns nothing, while the migrations ran as the owner. It consumes, appends and answers the auditor; its own
 * connection can neither change nor remove a ledger row, nor switch the append-only trigger off.
 */
describe('the audit service on its own database role', () => {
  let app: INestApplication;
  let db: PgDatabase;

  beforeAll(async () => {
    await migrate(testDatabaseUrl('audit'), migrationsDir('audit')); // as the owner, as tools/migrate does
    const env = testEnvironment(auditService, { AUDIT_DATABASE_URL: appRoleUrl() });
    ({ app } = await createServiceApp(auditService, loadServiceConfig(auditService, env), ['error']));
    await app.init();
    db = app.get(PgDatabase);
    await ledgerCaughtUp();
  }, 620_000);
  afterAll(async () => {
    await app?.close();
    await closePublisher();
  });

  it('is the role the demo configuration gives the service', () => {
    const demo = parseEnv(readFileSync(join(__dirname, '../../../infra/env/demo.env'), 'utf8'));
    expect(new URL(demo.AUDIT_DATABASE_URL!).username).toBe('audit_app');
  });

  it('connects as audit_app: no superuser, a member of audit_ledger_writer, owner of no table', async () => {
    const [role] = await db.$queryRaw<
      { user: string; superuser: boolean; writer: boolean; owns: string; update: boolean; insert: boolean }[]
    >`SELECT current_user AS user, r.rolsuper AS superuser,
        pg_has_role(current_user, 'audit_ledger_writer', 'MEMBER') AS writer,
        (SELECT count(*) FROM pg_tables WHERE tableowner = current_user) AS owns,
        has_table_privilege('audit_ledger', 'UPDATE') AS update,
        has_table_privilege('audit_ledger', 'INSERT') AS insert
      FROM pg_roles r WHERE r.rolname = current_user`;
    expect(role).toEqual({
      user: 'audit_app',
      superuser: false,
      writer: true,
      owns: '0',
      update: false,
      insert: true,
    });
  });

  it('passes the check that stops the service in production on a role that could change the ledger', async () => {
    expect(await ledgerRoleProblems(db)).toEqual([]);
    const owner = new PgDatabase({ connectionString: testDatabaseUrl('audit'), max: 1 });
    try {
      expect(await ledgerRoleProblems(owner)).toEqual(
        expect.arrayContaining(['is superuser', 'is owner', 'may UPDATE', 'may DELETE', 'may TRUNCATE']),
      );
    } finally {
      await owner.$disconnect();
    }
  });

  it('appends a published audit event and answers the auditor on that role', async () => {
    const requestId = `app-role-${randomUUID()}`;
    const resourceId = randomUUID();
    const eventId = await publishEvent(
      AuditRecorded,
      'referral-1',
      {
        actor: { subject: randomUUID(), orgType: 'municipality', orgCode: '101', roles: ['caseworker'] },
        action: 'referral.read',
        resource: { type: 'referral', id: resourceId },
        purpose: 'visitation',
        outcome: 'ALLOWED',
        requestId,
        service: 'referrals',
        occurredAt: new Date().toISOString(),
      },
      '/services/referrals',
    );
    await eventually(
      async () =>
        (
          await db.$queryRaw<
            { n: string }[]
          >`SELECT count(*) AS n FROM audit_ledger WHERE event_id = ${eventId}`
        )[0]!.n === '1',
    );
    const auditor = authorized(() => request(app.getHttpServer()), await getToken('auditor-state'));
    const found = await auditor.get(`/api/v1/audit/events?resourceType=referral&resourceId=${resourceId}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((i: { eventId: string }) => i.eventId)).toEqual([eventId]);
    const res = await auditor.get('/api/v1/audit/verification');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, firstBroken: null });
  });

  it("cannot update, delete or truncate the ledger on the service's own connection, nor switch the trigger off", async () => {
    const refused = (text: string, message: RegExp) =>
      expect(db.query({ text, values: [] })).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(message),
      });
    // refused by the grants already (the trigger, which refuses the owner too, is not even reached)
    await refused(
      "UPDATE audit_ledger SET purpose = 'curiosity' WHERE seq = 1",
      /permission denied for table audit_ledger/,
    );
    await refused('DELETE FROM audit_ledger WHERE seq = 1', /permission denied for table audit_ledger/);
    await refused('TRUNCATE audit_ledger', /permission denied for table audit_ledger/);
    await refused('ALTER TABLE audit_ledger DISABLE TRIGGER audit_ledger_append_only', /must be owner/);
    await refused('SET session_replication_role = replica', /permission denied to set parameter/);
  });
});
