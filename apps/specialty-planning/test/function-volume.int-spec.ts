import { todayInDenmark } from '@platform/domain';
import type { IdentityName, TestService } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import type { PrismaService } from '../src/database/prisma.service';
import { usePlanning } from './support/service';

/**
 * The minimum-volume flag (øvelse gør mester) from the activity read model: placements started at the offer for
 * a special function, advice given by the operator for an advisory function; judged on the previous year.
 */
describe('the volume of a function and its minimum', () => {
  let t: TestService<PrismaService>;
  // Declared before usePlanning, so it runs while the service (and its database client) is still open.
  afterAll(async () => {
    await t?.db.referralActivity.deleteMany({ where: { referralId: { in: inserted } } });
  });
  usePlanning((service) => (t = service));

  const year = Number(todayInDenmark().slice(0, 4));
  const lastYear = year - 1;
  const inserted: string[] = [];
  let offerId: string;

  const approvedFunction = async (
    who: IdentityName,
    targetGroup: string,
    functionType: string,
    minimum: number,
  ) => {
    const filed = await (await t.as(who)).post('/api/v1/function-applications').send({
      offerId,
      targetGroup,
      functionType,
      evidence: {
        yearlyVolume: 40,
        competences: 'Specialiserede kompetencer',
        healthCooperation: 'Sygehusets afdeling',
      },
    });
    expect(filed.status).toBe(201);
    const approved = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/function-applications/${filed.body.id}/approve`)
      .set('If-Match', filed.headers.etag)
      .send({ validFrom: `${lastYear}-01-01`, validTo: `${year + 3}-12-31`, minimumYearlyVolume: minimum });
    expect(approved.status).toBe(200);
    return approved.body.functionId as string;
  };
  /** Activity rows as the consumer writes them from referral and advice events. */
  const activity = async (rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      const referralId = randomUUID();
      inserted.push(referralId);
      await t.db.referralActivity.create({
        data: {
          referralId,
          municipalityCode: '101',
          status: 'PLACEMENT_ACTIVE',
          updatedAt: new Date(),
          ...row,
        },
      });
    }
  };
  const placement = (day: string) => ({
    offerId,
    citizenPseudonym: randomUUID(),
    targetGroup: 'VISION',
    placementStart: new Date(`${day}T00:00:00Z`),
  });
  const fn = async (id: string) => (await (await t.as('caseworker-101')).get(`/api/v1/functions/${id}`)).body;

  beforeAll(async () => {
    const offer = await (await t.as('planner-1082')).post('/api/v1/offers').send({
      name: 'Synscenter Midt',
      legalBases: ['SEL_108'],
      targetGroups: ['VISION', 'HEARING'],
      level: 'HIGH',
      places: 20,
      address: { street: 'Søndergade 1', postalCode: '8000', city: 'Aarhus C', municipalityCode: '751' },
    });
    expect(offer.status).toBe(201);
    offerId = offer.body.id;
  });

  it('flags a special function whose placements last year stayed below its minimum', async () => {
    const id = await approvedFunction('planner-1082', 'VISION', 'SPECIAL_FUNCTION', 3);
    await activity([
      placement(`${lastYear}-03-01`),
      placement(`${lastYear}-11-15`),
      placement(`${year}-01-10`),
    ]);
    expect(await fn(id)).toMatchObject({
      volumeYear: year,
      actualYearlyVolume: 1,
      previousYearVolume: 2,
      minimumYearlyVolume: 3,
      belowMinimum: true,
    });
    const flagged = await (
      await t.as('planner-state')
    ).get(`/api/v1/functions?offerId=${offerId}&belowMinimum=true`);
    expect(flagged.body.items.map((f: { id: string }) => f.id)).toContain(id);

    await activity([placement(`${lastYear}-06-30`)]);
    expect(await fn(id)).toMatchObject({ previousYearVolume: 3, belowMinimum: false });
    const after = await (
      await t.as('planner-state')
    ).get(`/api/v1/functions?offerId=${offerId}&belowMinimum=true`);
    expect(after.body.items.map((f: { id: string }) => f.id)).not.toContain(id);
    const met = await (
      await t.as('planner-state')
    ).get(`/api/v1/functions?offerId=${offerId}&belowMinimum=false`);
    expect(met.body.items.map((f: { id: string }) => f.id)).toContain(id);
  });

  it("counts an advisory function's advice given by its operator for its target group", async () => {
    const id = await approvedFunction('planner-1082', 'HEARING', 'ADVISORY_FUNCTION', 1);
    const before = await fn(id);
    const advice = (day: string) => ({
      status: 'SUBMITTED',
      targetGroup: 'HEARING',
      advisorOrgCode: '1082',
      adviceGivenOn: new Date(`${day}T00:00:00Z`),
    });
    await activity([advice(`${lastYear}-02-01`), advice(`${lastYear}-09-01`), advice(`${year}-01-05`)]);
    const after = await fn(id);
    expect(after.previousYearVolume).toBe(before.previousYearVolume + 2);
    expect(after.actualYearlyVolume).toBe(before.actualYearlyVolume + 1);
    expect(after.belowMinimum).toBe(false);
  });
});
