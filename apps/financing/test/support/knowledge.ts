import {
  approveAdvisoryFunction,
  deactivateOffer,
  eventually,
  type RegisteredOffer,
  type ServiceApi,
} from '@platform/testing';

/** The offers of the active knowledge environments (holding an advisory function) of a target group in a region. */
async function activeEnvironments(knowledge: ServiceApi, targetGroup: string, regionCode: string) {
  const res = await (
    await knowledge.as('planner-state')
  ).get(`/api/v1/knowledge-environments?targetGroup=${targetGroup}&regionCode=${regionCode}`);
  if (res.status !== 200)
    throw new Error(`knowledge environments: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { items: { offerId: string }[] }).items.map((e) => e.offerId);
}

/**
 * The offer holds an approved advisory function (rådgivningsfunktion) for the target group in its region: its
 * operator applies in specialty planning, the state approves, and knowledge's roster has it. A referral from the
 * region's municipalities is then assigned in its own region (DOMAIN rule 3), and the region's advisor answers.
 * The test databases keep earlier runs' functions of the group in the region: their offers are deactivated by
 * their operators (OfferUpdated, `active: false`), so the case lies with this run's function. Offers specialty
 * planning never had (knowledge's roster also holds offers other streams announced) stay; they lie in the same
 * region, so the same advisor answers.
 */
export async function advisoryFunctionInRegion(
  planning: ServiceApi,
  knowledge: ServiceApi,
  offer: Pick<RegisteredOffer, 'offerId' | 'operatorOrgCode'>,
  targetGroup: string,
  regionCode: string,
): Promise<string> {
  const functionId = await approveAdvisoryFunction(planning, knowledge, { ...offer, targetGroup });
  const state = await planning.as('planner-state');
  const earlier: string[] = [];
  for (const other of await activeEnvironments(knowledge, targetGroup, regionCode)) {
    if (other === offer.offerId || (await state.get(`/api/v1/offers/${other}`)).status === 404) continue;
    await deactivateOffer(planning, other);
    earlier.push(other);
  }
  await eventually(async () => {
    const active = await activeEnvironments(knowledge, targetGroup, regionCode);
    return active.includes(offer.offerId) && !active.some((id) => earlier.includes(id));
  }, 60_000);
  return functionId;
}
