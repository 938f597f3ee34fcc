import { ensure, eventually, expectStatus } from '../support/failure';
import { OPERATOR_ADDRESSES, readOffer, registerOffer, type OfferView } from '../support/planning';
import type { Platform } from '../support/platform';
import type { ScenarioDefinition, Step } from '../support/scenario';

/** Searches the directory for 1081's offers in the municipality, page by page, for the offer with that id. */
async function searchDirectory(platform: Platform, offerId: string, municipality: string) {
  const caseworker = await platform.planning.as('caseworker-101');
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({
      operator: '1081',
      municipality,
      limit: '200',
      ...(cursor ? { cursor } : {}),
    });
    const res = await caseworker.get(`/api/v1/offers?${query}`);
    expectStatus('searching the directory as caseworker-101', res, 200);
    const page = res.body as { items: OfferView[]; nextCursor: string | null };
    const found = page.items.find((o) => o.id === offerId);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}

/** Scenario 6 (SCENARIOS.md): a location-less intervention (matrikelløs indsats) of region 1081. */
export const scenario6: ScenarioDefinition = {
  number: 6,
  title: 'location-less intervention',
  plan() {
    let parent: OfferView;
    let intervention: OfferView;
    const address = OPERATOR_ADDRESSES['1081'];
    const steps: Step[] = [
      {
        name: 'region 1081 runs an offer at an address in Aalborg',
        async run(ctx) {
          parent = await registerOffer(ctx.platform, '1081', {
            name: `Botilbud Nordjylland ${ctx.runTag}`,
            targetGroups: ['MULTIPLE_FUNCTIONAL_IMPAIRMENTS'],
            level: 'MODERATE',
            places: 10,
          });
          ensure(
            parent.supervisingAuthority?.code === 'SOCIALTILSYN_NORD',
            'the offer is not under Socialtilsyn Nord',
          );
          ctx.check(`offer ${parent.id} at ${address.street}, ${address.city}, under Socialtilsyn Nord`);
        },
      },
      {
        name: 'it registers an outreach intervention with no address of its own under that offer',
        async run(ctx) {
          const res = await (await ctx.platform.planning.as('planner-1081')).post('/api/v1/offers').send({
            name: `Udgående team Nordjylland ${ctx.runTag}`,
            legalBases: ['SEL_85'],
            targetGroups: ['MULTIPLE_FUNCTIONAL_IMPAIRMENTS'],
            level: 'MODERATE',
            places: 15,
            parentOfferId: parent.id,
          });
          expectStatus('registering the intervention as planner-1081', res, 201);
          intervention = res.body as OfferView;
          ensure(
            intervention.locationLess && intervention.parentOfferId === parent.id,
            `intervention ${JSON.stringify({ locationLess: intervention.locationLess, parent: intervention.parentOfferId })}`,
          );
          ctx.check(`intervention ${intervention.id}: location-less, declared under ${parent.id}`);
        },
      },
      {
        name: 'the directory lists it under that address, with the Socialtilsyn supervising that address',
        async run(ctx) {
          const shown = await readOffer(ctx.platform, 'caseworker-101', parent.id);
          ensure(
            shown.interventions?.some((i) => i.id === intervention.id && i.places === 15),
            'the parent offer does not list the intervention',
          );
          ctx.check('the parent offer lists the intervention (15 places)');
          const item = await eventually(
            'the directory search to find the intervention at the address',
            () => searchDirectory(ctx.platform, intervention.id, address.municipalityCode),
            ctx.patience.effectMs,
          );
          ensure(
            item.address?.street === address.street &&
              item.address.municipality.code === address.municipalityCode &&
              item.supervisingAuthority?.code === 'SOCIALTILSYN_NORD',
            `listed as ${JSON.stringify({ address: item.address, supervisor: item.supervisingAuthority })}`,
          );
          ctx.check(
            `a search in ${item.address.municipality.name} lists it at ${item.address.street}, supervised by ${item.supervisingAuthority.name}`,
          );
        },
      },
    ];
    return { steps, gaps: [] };
  },
};
