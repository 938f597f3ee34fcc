import { getToken, useService, type TestService } from '@platform/testing';
import fc from 'fast-check';
import { knowledgeService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { caseOfReferral } from './support/cases';
import { useProducers } from './support/producers';

/** Bodies that are sometimes nearly right: real field names with random values, plus random extra fields. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    'HIGH',
    'LIGHT',
    'VISION',
    'GUIDELINE',
    'PATHWAY',
    'CHILD',
    '',
    '0101901234',
    '*',
    10,
    -1,
    1e9,
  ),
  fc.uuid(),
  fc.string({ maxLength: 40 }),
);
const body = (fields: readonly string[]) =>
  fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__', 'constructor'), fieldValue, {
      maxKeys: 6,
    }),
  );

// Specialty planning and referrals start as their own processes on first use (a build, migrations).
jest.setTimeout(180_000);

describe('random advice and guideline bodies never produce a 5xx and never change state when refused', () => {
  let t: TestService<PrismaService>;
  useService<PrismaService>(knowledgeService, (s) => (t = s));
  const { planning, referrals } = useProducers(() => t);

  // This file's own target group: random bodies may change its deadline rule, which no other file reads.
  const targetGroup = 'INTELLECTUAL_DISABILITY_BEHAVIOUR';
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await planning.clearTargetGroup(targetGroup);
    await planning.advisoryFunction({ targetGroup, operatorOrgCode: '1084' });
    for (const who of ['caseworker-101', 'advisor-1084', 'planner-state'] as const)
      tokens[who] = await getToken(who);
  });

  const send = (who: string, method: 'post' | 'put', path: string, b: unknown, ifMatch?: string) => {
    const req = t
      .http()
      [method](path)
      .auth(tokens[who], { type: 'bearer' })
      .set('Content-Type', 'application/json');
    if (ifMatch) req.set('If-Match', ifMatch);
    return req.send(JSON.stringify(b));
  };

  const caseSnapshot = async (id: string) => {
    const row = await t.db.adviceCase.findUniqueOrThrow({ where: { id } });
    return {
      status: row.status,
      version: row.version,
      history: await t.db.adviceCaseAssignment.count({ where: { adviceCaseId: id } }),
      outbox: await t.db.outboxMessage.count({ where: { messageKey: id, topic: 'knowledge.advice.v1' } }),
    };
  };

  it('on opening a case in doubt', async () => {
    await fc.assert(
      fc.asyncProperty(
        body(['targetGroup', 'question', 'ageGroup', 'assessedLevel', 'referralId', 'citizenPseudonym']),
        async (b) => {
          const before = await t.db.adviceCase.count();
          const res = await send('caseworker-101', 'post', '/api/v1/advice-cases', b);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(await t.db.adviceCase.count()).toBe(before);
        },
      ),
      { numRuns: 50 },
    );
  });

  it.each([
    ['advice', ['level', 'offerId', 'offerType', 'rationale', 'guidelineVersionId']],
    ['reassign', ['advisoryFunctionId', 'reason']],
    ['decline', ['reason']],
  ])('on %s', async (command, fields) => {
    const referral = await referrals.needingAdvice(targetGroup);
    const { id } = await caseOfReferral(t, referral.referralId);
    await fc.assert(
      fc.asyncProperty(body(fields), async (b) => {
        const before = await caseSnapshot(id);
        const res = await send(
          'advisor-1084',
          'post',
          `/api/v1/advice-cases/${id}/${command}`,
          b,
          `W/"${before.version}"`,
        );
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await caseSnapshot(id)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  const guidelineSnapshot = async (id?: string) => ({
    guidelines: await t.db.guideline.count(),
    versions: await t.db.guidelineVersion.count(),
    revision: id ? (await t.db.guideline.findUniqueOrThrow({ where: { id } })).revision : 0,
  });

  it('on writing a guideline', async () => {
    await fc.assert(
      fc.asyncProperty(body(['kind', 'targetGroup', 'title', 'body', 'changeNote']), async (b) => {
        const before = await guidelineSnapshot();
        const res = await send('advisor-1084', 'post', '/api/v1/guidelines', b);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await guidelineSnapshot()).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });

  it.each([
    ['put', 'draft', ['title', 'body', 'changeNote']],
    ['post', 'versions', ['title', 'body', 'changeNote']],
    ['post', 'retire', ['reason']],
  ] as const)('on %s …/%s of a guideline', async (method, path, fields) => {
    const created = await send('advisor-1084', 'post', '/api/v1/guidelines', {
      kind: 'GUIDELINE',
      targetGroup,
      title: 'Retningslinje til tilfældige forsøg',
      body: 'Tekst, som tilfældige forespørgsler prøver at ændre.',
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await fc.assert(
      fc.asyncProperty(body(fields), async (b) => {
        const before = await guidelineSnapshot(id);
        const res = await send(
          'advisor-1084',
          method,
          `/api/v1/guidelines/${id}/${path}`,
          b,
          `W/"${before.revision}"`,
        );
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(await guidelineSnapshot(id)).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });

  it('on the deadline rule set and the queries', async () => {
    await fc.assert(
      fc.asyncProperty(body(['workingDays']), fc.string({ maxLength: 20 }), async (b, q) => {
        const rule = await send('planner-state', 'put', `/api/v1/advice-deadline-rules/${targetGroup}`, b);
        expect(rule.status).toBeLessThan(500);
        for (const path of [
          'guidelines/search',
          'advice-cases',
          'knowledge-metrics',
          'knowledge-environments',
        ]) {
          const res = await t
            .http()
            .get(
              `/api/v1/${path}?q=${encodeURIComponent(q)}&year=${encodeURIComponent(q)}&limit=${encodeURIComponent(q)}`,
            )
            .auth(tokens['planner-state'], { type: 'bearer' });
          expect({ path, status: res.status < 500 }).toEqual({ path, status: true });
        }
      }),
      { numRuns: 30 },
    );
  });
});
