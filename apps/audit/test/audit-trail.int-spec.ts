import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import {
  eventually,
  startServiceProcess,
  TEST_OFFER_ADDRESS,
  useService,
  type ServiceProcess,
  type TestService,
} from '@platform/testing';
import { randomInt, randomUUID } from 'node:crypto';
import { auditService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { ledgerCaughtUp } from './support/caught-up';

/**
 * A scripted sequence of reads, writes and refused attempts across referrals, specialty planning, knowledge and
 * financing (each its own process, as in production) leaves exactly the expected rows in the ledger, and the
 * auditor and the citizen's municipality read the citizen's trail back.
 */
describe('the audit trail across services', () => {
  let t: TestService<PrismaService>;
  let referrals: ServiceProcess;
  let planning: ServiceProcess;
  let knowledge: ServiceProcess;
  let financing: ServiceProcess;
  const run = `trail-${randomUUID().slice(0, 8)}`;
  const req = (step: string) => `${run}-${step}`;
  let referralId: string;
  let pseudonym: string;
  let claimStep: string;
  /** The citizens the municipality's read of its claim showed: one financing read row each. */
  let claimCitizens: string[] = [];

  useService<PrismaService>(auditService, (service) => (t = service));

  beforeAll(async () => {
    [referrals, planning, knowledge, financing] = await Promise.all([
      startServiceProcess('referrals'),
      startServiceProcess('specialty-planning'),
      startServiceProcess('knowledge'),
      startServiceProcess('financing'),
    ]);
    await ledgerCaughtUp();
  }, 720_000);
  afterAll(async () => {
    await Promise.all([referrals?.stop(), planning?.stop(), knowledge?.stop(), financing?.stop()]);
  });

  it('runs the script: an offer, a referral read three ways, and three refused attempts', async () => {
    const offer = await (
      await planning.as('planner-1084')
    )
      .post('/api/v1/offers')
      .set('X-Request-Id', req('offer'))
      .send({
        name: `Audit trail ${run}`,
        legalBases: ['SEL_108'],
        targetGroups: ['VISION'],
        level: 'HIGH',
        places: 4,
        ratePerDay: '4500.00',
        address: TEST_OFFER_ADDRESS['1084'],
      });
    expect(offer.status).toBe(201);
    const refusedOffer = await (
      await planning.as('caseworker-101')
    )
      .post('/api/v1/offers')
      .set('X-Request-Id', req('offer-refused'))
      .send({});
    expect(refusedOffer.status).toBe(403);

    const caseworker = await referrals.as('caseworker-101');
    const cpr = `0101${90 + randomInt(9)}${String(randomInt(10_000)).padStart(4, '0')}`;
    const created = await caseworker
      .post('/api/v1/referrals')
      .set('X-Request-Id', req('create'))
      .send({ cpr, targetGroup: 'VISION', assessedLevel: 'HIGH', referralDate: '2026-03-01' });
    expect(created.status).toBe(201);
    referralId = created.body.id;
    const read = await caseworker.get(`/api/v1/referrals/${referralId}`).set('X-Request-Id', req('read'));
    expect(read.status).toBe(200);
    pseudonym = read.body.citizen.pseudonym;
    expect(pseudonym).toMatch(/^[0-9a-f]{64}$/);
    const citizen = await caseworker
      .get(`/api/v1/referrals/${referralId}/citizen`)
      .set('X-Request-Id', req('citizen'));
    expect(citizen.status).toBe(200);

    const other = await (
      await referrals.as('caseworker-751')
    )
      .get(`/api/v1/referrals/${referralId}`)
      .set('X-Request-Id', req('other-municipality'));
    expect(other.status).toBe(404);
    const region = await (
      await referrals.as('caseworker-1084')
    )
      .post('/api/v1/referrals')
      .set('X-Request-Id', req('region-create'))
      .send({ cpr, targetGroup: 'VISION', assessedLevel: 'HIGH', referralDate: '2026-03-01' });
    expect(region.status).toBe(403);
  });

  it("goes on in knowledge: the municipality opens an advice case for the citizen and reads it; another can't", async () => {
    const caseworker = await knowledge.as('caseworker-101');
    const opened = await caseworker
      .post('/api/v1/advice-cases')
      .set('X-Request-Id', req('advice-open'))
      .send({
        targetGroup: 'VISION',
        question: 'Er der behov for en højt specialiseret indsats?',
        citizenPseudonym: pseudonym,
      });
    expect(opened.status).toBe(201);
    const read = await caseworker
      .get(`/api/v1/advice-cases/${opened.body.id}`)
      .set('X-Request-Id', req('advice-read'));
    expect(read.status).toBe(200);
    expect(read.body.citizen.pseudonym).toBe(pseudonym);
    const other = await (
      await knowledge.as('caseworker-751')
    )
      .get(`/api/v1/advice-cases/${opened.body.id}`)
      .set('X-Request-Id', req('advice-other-municipality'));
    expect(other.status).toBe(404);
  });

  it('and in financing: the state puts rules in force, the municipality claims refusion and reads it, three refused attempts', async () => {
    const finance = await financing.as('finance-state');
    // A claim is one per municipality, year and quarter, and the test database keeps them: a fresh year a run.
    const year = 2040 + randomInt(60);
    const rules = await finance
      .post('/api/v1/rule-sets')
      .set('X-Request-Id', req('rule-set'))
      .send({
        year,
        name: `Audit trail ${run}`,
        effectiveFrom: `${year}-01-01`,
        bands: [{ threshold: '860000.00', percent: 25 }],
        adviceCondition: 'NONE',
      });
    expect(rules.status).toBe(201);
    const inForce = await finance
      .post(`/api/v1/rule-sets/${rules.body.id}/put-in-force`)
      .set('If-Match', rules.headers.etag)
      .set('X-Request-Id', req('rule-set-in-force'));
    expect(inForce.status).toBe(200);
    const municipality = await financing.as('caseworker-101');
    let claim: { status: number; body: { id: string } } | undefined;
    for (const quarter of [1, 2, 3, 4]) {
      claimStep = `claim-q${quarter}`;
      claim = await municipality
        .post('/api/v1/refusion-claims')
        .set('X-Request-Id', req(claimStep))
        .send({ year, quarter });
      if (claim.status !== 409) break; // that quarter of the year was claimed by an earlier run
    }
    expect(claim?.status).toBe(201);
    const region = await (
      await financing.as('caseworker-1084')
    )
      .post('/api/v1/refusion-claims')
      .set('X-Request-Id', req('claim-region'))
      .send({ year, quarter: 1 });
    expect(region.status).toBe(403);
    const decidedByMunicipality = await municipality
      .post(`/api/v1/refusion-claims/${claim!.body.id}/decision`)
      .set('X-Request-Id', req('claim-decided-by-municipality'))
      .send({ lines: [{ lineNo: 1, approved: true }] });
    expect(decidedByMunicipality.status).toBe(403);

    const read = await municipality
      .get(`/api/v1/refusion-claims/${claim!.body.id}`)
      .set('X-Request-Id', req('claim-read'));
    expect(read.status).toBe(200);
    // The claim's lines are the municipality's placements in that year (other tests' too): their citizens.
    claimCitizens = [
      ...new Set((read.body.lines as { citizenPseudonyms: string[] }[]).flatMap((l) => l.citizenPseudonyms)),
    ];
    const otherMunicipality = await (
      await financing.as('caseworker-751')
    )
      .get(`/api/v1/refusion-claims/${claim!.body.id}`)
      .set('X-Request-Id', req('claim-other-municipality'));
    expect(otherMunicipality.status).toBe(404);
  });

  it('leaves exactly the expected rows in the ledger, allowed and denied', async () => {
    const expected = [
      ['offer', 'specialty-planning', 'offer.register', 'ALLOWED', '1084', false],
      ['offer-refused', 'specialty-planning', 'POST /api/v1/offers', 'DENIED', '101', false],
      ['create', 'referrals', 'referral.create', 'ALLOWED', '101', true],
      ['read', 'referrals', 'referral.read', 'ALLOWED', '101', true],
      ['citizen', 'referrals', 'citizen.read', 'ALLOWED', '101', true],
      ['other-municipality', 'referrals', 'referral.read', 'DENIED', '751', false],
      ['region-create', 'referrals', 'POST /api/v1/referrals', 'DENIED', '1084', false],
      ['advice-open', 'knowledge', 'advice-case.open', 'ALLOWED', '101', true],
      ['advice-read', 'knowledge', 'advice-case.read', 'ALLOWED', '101', true],
      ['advice-other-municipality', 'knowledge', 'advice-case.read', 'DENIED', '751', false],
      ['rule-set', 'financing', 'rule-set.create', 'ALLOWED', 'state', false],
      ['rule-set-in-force', 'financing', 'rule-set.put-in-force', 'ALLOWED', 'state', false],
      [claimStep, 'financing', 'refusion.claim', 'ALLOWED', '101', false],
      // the claim's answer names its citizens, as a read of it does: one row each
      ...claimCitizens.map(() => [claimStep, 'financing', 'refusion-claim.submit', 'ALLOWED', '101', false]),
      ['claim-region', 'financing', 'POST /api/v1/refusion-claims', 'DENIED', '1084', false],
      [
        'claim-decided-by-municipality',
        'financing',
        'POST /api/v1/refusion-claims/:id/decision',
        'DENIED',
        '101',
        false,
      ],
      ...claimCitizens.map(() => ['claim-read', 'financing', 'refusion-claim.read', 'ALLOWED', '101', false]),
      ['claim-other-municipality', 'financing', 'refusion-claim.read', 'DENIED', '751', false],
    ].map(([step, service, action, outcome, orgCode, citizen]) => ({
      requestId: req(step as string),
      service,
      action,
      outcome,
      orgCode,
      citizen,
    }));
    const rows = () => t.db.auditLedgerRow.findMany({ where: { requestId: { startsWith: `${run}-` } } });
    await eventually(async () => (await rows()).length >= expected.length, 60_000);
    // A moment more: a row beyond the expected ones would arrive in this time.
    await new Promise((r) => setTimeout(r, 1500));
    const actual = (await rows()).map((r) => ({
      requestId: r.requestId,
      service: r.service,
      action: r.action,
      outcome: r.outcome,
      orgCode: r.actorOrgCode,
      citizen: r.citizenPseudonym === pseudonym,
    }));
    const byRequest = (a: { requestId: string | null }, b: { requestId: string | null }) =>
      String(a.requestId).localeCompare(String(b.requestId));
    expect(actual.sort(byRequest)).toEqual(expected.sort(byRequest));
  });

  it("gives the auditor the citizen's whole trail by pseudonym, and the chain adds up", async () => {
    const auditor = await t.as('auditor-state');
    const res = await auditor.get(`/api/v1/audit/events?citizenPseudonym=${pseudonym}&limit=1000`);
    expect(res.status).toBe(200);
    const trail = res.body.items.map((i: { action: string; service: string; actor: { orgCode: string } }) =>
      [i.service, i.action, i.actor.orgCode].join(' '),
    );
    expect(trail).toEqual(
      expect.arrayContaining([
        'referrals referral.create 101',
        'referrals referral.read 101',
        'referrals citizen.read 101',
        'knowledge advice-case.open 101',
        'knowledge advice-case.read 101',
      ]),
    );
    const verify = await auditor.get('/api/v1/audit/verification');
    expect(verify.body).toMatchObject({ valid: true, firstBroken: null });
  });

  it('exports the trail as AuditEvents the official FHIR R4 schema accepts', async () => {
    const res = await (
      await t.as('auditor-state')
    ).get(`/api/v1/audit/events/fhir?citizenPseudonym=${pseudonym}&limit=1000`);
    expect(res.status).toBe(200);
    expect(new JSONSchemaValidator().validate(res.body)).toEqual([]);
    expect(res.body.entry.length).toBeGreaterThanOrEqual(3);
  });

  it("tells the citizen's municipality which organisations touched the data, when and why, naming no employee", async () => {
    const res = await (await t.as('caseworker-101')).get(`/api/v1/citizens/${pseudonym}/access-log`);
    expect(res.status).toBe(200);
    expect(res.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          organisation: { type: 'municipality', code: '101', name: 'København' },
          service: 'referrals',
          action: 'citizen.read',
          purpose: 'visitation',
        }),
        expect.objectContaining({
          organisation: { type: 'municipality', code: '101', name: 'København' },
          service: 'knowledge',
          action: 'advice-case.read',
          purpose: 'advice',
        }),
      ]),
    );
    const text = JSON.stringify(res.body);
    const subjects = await t.db.auditLedgerRow.findMany({
      where: { citizenPseudonym: pseudonym },
      select: { actorSubject: true },
    });
    for (const { actorSubject } of subjects) expect(text).not.toContain(actorSubject);
    expect(text).not.toMatch(/Karen|Sagsbehandler|caseworker-101/);
    expect(
      (await (await t.as('caseworker-751')).get(`/api/v1/citizens/${pseudonym}/access-log`)).status,
    ).toBe(404);
  });
});
