import { eventually } from './eventually';
import { approveFunction, testIdentity, type FunctionSpec, type ServiceApi } from './planning-api';

/**
 * The knowledge service as other services' tests and the benchmarks meet it: through its API only. Advice
 * reaches a referral the way it does in production: an advisor answers the advice case knowledge opened.
 */

interface EnvironmentList {
  items: { offerId: string; functions: { functionId: string | null; status: string }[] }[];
}

/** Waits until knowledge's roster holds the function specialty planning approved (by planning's id). */
export async function waitForRosterFunction(
  knowledge: ServiceApi,
  targetGroup: string,
  functionId: string,
  timeoutMs = 60_000,
): Promise<void> {
  const path = `/api/v1/knowledge-environments?targetGroup=${targetGroup}&activeOnly=false`;
  await eventually(async () => {
    const res = await (await knowledge.as('planner-state')).get(path);
    const list = res.body as EnvironmentList;
    return res.status === 200 && list.items.some((e) => e.functions.some((f) => f.functionId === functionId));
  }, timeoutMs);
}

/**
 * An approved advisory function (rådgivningsfunktion): the offer's operator applies in specialty planning, the
 * state approves, and knowledge's roster has it from FunctionApproved. Returns planning's id of the function.
 */
export async function approveAdvisoryFunction(
  planning: ServiceApi,
  knowledge: ServiceApi,
  spec: Omit<FunctionSpec, 'functionType'>,
): Promise<string> {
  const functionId = await approveFunction(planning, { ...spec, functionType: 'ADVISORY_FUNCTION' });
  await waitForRosterFunction(knowledge, spec.targetGroup, functionId);
  return functionId;
}

/** An advice case as knowledge's API shows it (the fields tests use). */
export interface AdviceCaseSummary {
  id: string;
  referralId: string | null;
  status: string;
  version: number;
  assignment: { kind: string; regionCode: string | null; advisorOrgType: string; advisorOrgCode: string };
  citizen: { pseudonym: string | null; ageGroup: string | null };
}

/** The advice case knowledge opened for a referral (from its advice-required event), as the state reads it. */
export async function adviceCaseOfReferral(
  knowledge: ServiceApi,
  referralId: string,
  timeoutMs = 60_000,
): Promise<AdviceCaseSummary> {
  let found: AdviceCaseSummary | undefined;
  await eventually(async () => {
    const res = await (
      await knowledge.as('auditor-state')
    ).get(`/api/v1/advice-cases?referralId=${referralId}`);
    found = (res.body as { items?: AdviceCaseSummary[] }).items?.[0];
    return found !== undefined;
  }, timeoutMs);
  return found!;
}

/** The advisor who answers a case: one of the region it lies in (the state's advisors have no test identity). */
export function advisorOf(adviceCase: AdviceCaseSummary) {
  const region = adviceCase.assignment.regionCode;
  if (!region) throw new Error(`advice case ${adviceCase.id} is national: no test advisor answers it`);
  return testIdentity(`advisor-${region}`);
}

export interface AdviceInput {
  level: string;
  offerId: string;
  rationale: string;
  offerType?: string;
  guidelineVersionId?: string;
}

/**
 * Rådgivning: an advisor of the assigned region answers the referral's advice case through the API; knowledge
 * publishes AdviceGiven, which the referrals service consumes. Returns the answered case.
 */
export async function giveAdvice(
  knowledge: ServiceApi,
  referralId: string,
  advice: AdviceInput,
): Promise<AdviceCaseSummary> {
  const adviceCase = await adviceCaseOfReferral(knowledge, referralId);
  const res = await (
    await knowledge.as(advisorOf(adviceCase))
  )
    .post(`/api/v1/advice-cases/${adviceCase.id}/advice`)
    .set('If-Match', `W/"${adviceCase.version}"`)
    .send(advice);
  if (res.status !== 200) throw new Error(`advice failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AdviceCaseSummary;
}
