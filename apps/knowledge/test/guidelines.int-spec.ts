import { GuidelinePublished, GuidelineRetired, TOPICS } from '@platform/contracts';
import { eventData, useService, waitForEvent, type TestService } from '@platform/testing';
import { knowledgeService } from '../src/app.module';
import type { PrismaService } from '../src/database/prisma.service';
import { caseOfReferral } from './support/cases';
import { useProducers } from './support/producers';

// Specialty planning and referrals start as their own processes on first use (a build, migrations).
jest.setTimeout(180_000);

/** Visitationsretningslinjer: written by an advisory function, published by the state, found in Danish. */
describe('guidelines and pathway descriptions', () => {
  let t: TestService<PrismaService>;
  useService<PrismaService>(knowledgeService, (s) => (t = s));
  const { planning, referrals } = useProducers(() => t);

  // Held by Hovedstaden only in this file (see Planning.clearTargetGroup): Midtjylland may not write for it.
  const targetGroup = 'ACQUIRED_BRAIN_INJURY';
  const word = `synsrehab${Date.now().toString(36)}`; // a word only this run's text holds
  let offerId: string;

  beforeAll(async () => {
    await planning.clearTargetGroup(targetGroup);
    offerId = (await planning.advisoryFunction({ targetGroup, operatorOrgCode: '1084' })).offerId;
  });

  const write = async () => {
    const res = await (await t.as('advisor-1084')).post('/api/v1/guidelines').send({
      kind: 'GUIDELINE',
      targetGroup,
      title: `Visitation af synshandicappede børn (${word})`,
      body: `Børnene med alvorlige synshandicap visiteres til ${word}. Forældrene inddrages i forløbet.`,
    });
    expect(res.status).toBe(201);
    return res;
  };

  it('goes draft → published (by the state) → retired (superseded), with events', async () => {
    const since = new Date();
    const created = await write();
    expect(created.body).toMatchObject({ published: null, versions: [{ number: 1, status: 'DRAFT' }] });
    const id = created.body.id as string;
    // others do not see the draft, and only the state publishes
    expect((await (await t.as('caseworker-101')).get(`/api/v1/guidelines/${id}`)).body.versions).toEqual([]);
    expect((await (await t.as('caseworker-101')).get(`/api/v1/guidelines/${id}/versions/1`)).status).toBe(
      404,
    );
    const byRegion = await (
      await t.as('planner-1084')
    )
      .post(`/api/v1/guidelines/${id}/publish`)
      .set('If-Match', created.headers.etag);
    expect(byRegion.status).toBe(403);

    const published = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/guidelines/${id}/publish`)
      .set('If-Match', created.headers.etag);
    expect(published.status).toBe(200);
    expect(published.body.published).toMatchObject({ number: 1 });
    const stale = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/guidelines/${id}/publish`)
      .set('If-Match', created.headers.etag);
    expect(stale.status).toBe(412);

    const next = await (
      await t.as('advisor-1084')
    )
      .post(`/api/v1/guidelines/${id}/versions`)
      .set('If-Match', published.headers.etag)
      .send({
        title: 'Visitation af synshandicappede børn, 2. udgave',
        body: 'Opdateret tekst om børn med synshandicap.',
        changeNote: 'Ny praksis',
      });
    expect(next.status).toBe(200);
    const twoDrafts = await (
      await t.as('advisor-1084')
    )
      .post(`/api/v1/guidelines/${id}/versions`)
      .set('If-Match', next.headers.etag)
      .send({ title: 'En tredje', body: 'Endnu en kladde, som ikke må oprettes.' });
    expect(twoDrafts.status).toBe(409);
    const second = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/guidelines/${id}/publish`)
      .set('If-Match', next.headers.etag);
    expect(second.status).toBe(200);
    expect(second.body.versions.map((v: { status: string }) => v.status)).toEqual(['RETIRED', 'PUBLISHED']);
    expect(second.body.versions[0]).toMatchObject({ retireCause: 'SUPERSEDED' });

    const retired = await waitForEvent(
      TOPICS.guideline,
      (e) =>
        e.headers.ce_type === GuidelineRetired.type &&
        eventData<{ guidelineId: string }>(e).guidelineId === id,
      { from: since },
    );
    expect(eventData(retired)).toMatchObject({ version: 1, cause: 'SUPERSEDED', targetGroup });
    const publishedEvent = await waitForEvent(
      TOPICS.guideline,
      (e) =>
        e.headers.ce_type === GuidelinePublished.type &&
        eventData<{ guidelineId: string; version: number }>(e).guidelineId === id &&
        eventData<{ version: number }>(e).version === 2,
      { from: since },
    );
    expect(eventData(publishedEvent)).toMatchObject({ supersedesVersion: 1, authorOrgCode: '1084' });

    const withdrawn = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/guidelines/${id}/retire`)
      .set('If-Match', second.headers.etag)
      .send({ reason: 'Erstattes af national vejledning' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.published).toBeNull();
  });

  it('finds a published guideline by a Danish word form (stemming), and not a draft', async () => {
    const draftOnly = await write();
    const created = await write();
    await (
      await t.as('planner-state')
    )
      .post(`/api/v1/guidelines/${created.body.id}/publish`)
      .set('If-Match', created.headers.etag);
    // other forms than the text's "Børnene", "alvorlige synshandicap", "visiteres", "forældrene", "forløbet"
    for (const q of ['børn', 'alvorlig synshandicaps', 'visiteret', 'forældre inddraget', 'forløb', word]) {
      const res = await (
        await t.as('caseworker-751')
      ).get(`/api/v1/guidelines/search?q=${encodeURIComponent(q)}&targetGroup=${targetGroup}`);
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
      const ids = res.body.items.map((i: { guidelineId: string }) => i.guidelineId);
      expect({ q, found: ids.includes(created.body.id), draft: ids.includes(draftOnly.body.id) }).toEqual({
        q,
        found: true,
        draft: false,
      });
    }
    const none = await (
      await t.as('caseworker-751')
    ).get(`/api/v1/guidelines/search?q=kørekort&targetGroup=${targetGroup}`);
    expect(none.body.items).toEqual([]);
  });

  it('is cited by advice: only a published version of the case target group', async () => {
    const created = await write();
    const published = await (
      await t.as('planner-state')
    )
      .post(`/api/v1/guidelines/${created.body.id}/publish`)
      .set('If-Match', created.headers.etag);
    const versionId = published.body.published.versionId as string;
    const referral = await referrals.needingAdvice(targetGroup);
    const c = await caseOfReferral(t, referral.referralId);
    const advise = (guidelineVersionId: string, version: number) =>
      t.as('advisor-1084').then((a) =>
        a.post(`/api/v1/advice-cases/${c.id}/advice`).set('If-Match', `W/"${version}"`).send({
          level: 'HIGH',
          offerId,
          rationale: 'Efter retningslinjen for målgruppen',
          guidelineVersionId,
        }),
      );
    const wrong = await advise(
      created.body.versions[0].id === versionId
        ? '00000000-0000-4000-8000-000000000000'
        : created.body.versions[0].id,
      c.version,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ pointer: '/guidelineVersionId' })]);
    const ok = await advise(versionId, c.version);
    expect(ok.status).toBe(200);
    expect(ok.body.advice).toMatchObject({ guidelineVersionId: versionId });
  });

  it('is written only by an organisation answering for the target group', async () => {
    const res = await (await t.as('advisor-1082')).post('/api/v1/guidelines').send({
      kind: 'PATHWAY',
      targetGroup,
      title: 'Forløbsbeskrivelse',
      body: 'Region Midtjylland har ingen rådgivningsfunktion for målgruppen.',
    });
    expect(res.status).toBe(403);
  });
});
