import { type TestService } from '@platform/testing';
import fc from 'fast-check';
import type { PrismaService } from '../src/database/prisma.service';
import { useFinancing } from './support/service';

/** Values that are sometimes nearly right: amounts with too many decimals, negative, huge; dates that do not exist. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    '860000.00',
    '860000.001',
    '-1',
    1e300,
    '2026-02-30',
    2026,
    5,
    0,
    'NONE',
    'LOAN',
    '0101901234',
    '',
  ),
  fc.uuid(),
  fc.array(fc.record({ threshold: fc.jsonValue(), percent: fc.jsonValue() }), { maxLength: 3 }),
);
const body = (fields: string[]) =>
  fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__', 'constructor'), fieldValue, {
      maxKeys: 8,
    }),
  );

/** Random bodies never produce a 5xx, and a refused one writes nothing (no row, no outbox message). */
describe('random input to the financing API', () => {
  let t: TestService<PrismaService>;
  useFinancing((service) => (t = service));

  const counts = async () => ({
    ruleSets: await t.db.ruleSet.count(),
    claims: await t.db.refusionClaim.count(),
    grants: await t.db.blockGrant.count(),
    entries: await t.db.oneOffEntry.count(),
    applications: await t.db.riskCapitalApplication.count(),
    outbox: await t.db.outboxMessage.count({ where: { topic: 'financing.funding.v1' } }),
  });

  const cases: [string, 'finance-state' | 'caseworker-751' | 'planner-1082', string, string[]][] = [
    [
      'rule sets',
      'finance-state',
      '/api/v1/rule-sets',
      [
        'year',
        'name',
        'effectiveFrom',
        'bands',
        'adviceCondition',
        'coFinancing',
        'knowledgeOverheadPercent',
      ],
    ],
    ['claims', 'caseworker-751', '/api/v1/refusion-claims', ['year', 'quarter', 'households', 'over67']],
    [
      'one-off entries',
      'caseworker-751',
      '/api/v1/one-off-entries',
      ['referralId', 'kind', 'date', 'amount', 'description'],
    ],
    ['block grants', 'finance-state', '/api/v1/block-grants', ['year', 'total', 'key', 'weights']],
    [
      'risk capital',
      'planner-1082',
      '/api/v1/risk-capital-applications',
      ['gapId', 'kind', 'amount', 'purpose', 'repaymentYears'],
    ],
  ];

  it.each(cases)(
    '%s: never a 5xx; a 4xx leaves nothing behind',
    async (_name, who, path, fields) => {
      const agent = await t.as(who);
      await fc.assert(
        fc.asyncProperty(body(fields), async (b) => {
          const before = await counts();
          const res = await agent
            .post(path)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(b) ?? 'null');
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
            expect(await counts()).toEqual(before);
          }
        }),
        { numRuns: 60 },
      );
    },
    120_000,
  );
});
