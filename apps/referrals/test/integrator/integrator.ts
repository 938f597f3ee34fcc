/**
 * What a municipal system writes against the committed OpenAPI document, typed only by the client that
 * `openapi-typescript` generates from it (`generated/referrals-api.d.ts`, committed): create a referral, submit
 * it, read it back. `src/openapi-client.spec.ts` regenerates the types and type-checks this file against them,
 * so a document that types a body as `unknown`, or drops a header or filter, fails the build.
 */
import type { components, paths } from './generated/referrals-api';

type ReferralView = components['schemas']['ReferralView'];
type CreateReferral = paths['/api/v1/referrals']['post'];
type SubmitReferral = paths['/api/v1/referrals/{id}/submit']['post'];
type GetReferral = paths['/api/v1/referrals/{id}']['get'];
type ListReferrals = paths['/api/v1/referrals']['get'];

/** The statuses a submitted referral can be in; assigning a `string` or `unknown` to it does not compile. */
type AfterSubmit = 'AWAITING_ADVICE' | 'READY_FOR_DECISION';

export interface Api {
  baseUrl: string;
  token: string;
}

async function call(api: Api, method: string, path: string, headers: Record<string, string>, body?: object) {
  const res = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${api.token}`, 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

function etag(res: Response): string {
  const value = res.headers.get('ETag');
  if (!value) throw new Error('no ETag');
  return value;
}

export async function createSubmitAndRead(api: Api, systemCaseId: string): Promise<ReferralView> {
  const input: CreateReferral['requestBody']['content']['application/json'] = {
    cpr: '010190-1234',
    targetGroup: 'VISION',
    assessedLevel: 'HIGH',
    referralDate: '2026-01-15',
  };
  const createHeaders: NonNullable<CreateReferral['parameters']['header']> = {
    'Idempotency-Key': `case-${systemCaseId}`,
  };
  const createdRes = await call(api, 'POST', '/api/v1/referrals', { ...createHeaders }, input);
  const created =
    (await createdRes.json()) as CreateReferral['responses'][201]['content']['application/json'];
  const draft: 'DRAFT' | AfterSubmit | ReferralView['status'] = created.status;
  const location: CreateReferral['responses'][201]['headers']['Location'] | null =
    createdRes.headers.get('Location');

  const submitPath: SubmitReferral['parameters']['path'] = { id: created.id };
  const submitHeaders: SubmitReferral['parameters']['header'] = {
    'If-Match': etag(createdRes),
    'Idempotency-Key': `submit-${systemCaseId}`,
  };
  const submittedRes = await call(api, 'POST', `/api/v1/referrals/${submitPath.id}/submit`, {
    ...submitHeaders,
  });
  const submitted =
    (await submittedRes.json()) as SubmitReferral['responses'][200]['content']['application/json'];
  if (submitted.status !== 'AWAITING_ADVICE' && submitted.status !== 'READY_FOR_DECISION') {
    throw new Error(`unexpected status ${submitted.status} after ${draft} at ${location}`);
  }
  const afterSubmit: AfterSubmit = submitted.status;
  const adviceDue: string | null = submitted.advice.dueAt;

  const readRes = await call(api, 'GET', `/api/v1/referrals/${created.id}`, {});
  const read = (await readRes.json()) as GetReferral['responses'][200]['content']['application/json'];
  const version: number = read.version;

  const filters: NonNullable<ListReferrals['parameters']['query']> = { status: afterSubmit, limit: 10 };
  const query = new URLSearchParams(
    Object.entries(filters).map(([k, v]): [string, string] => [k, String(v)]),
  );
  const pageRes = await call(api, 'GET', `/api/v1/referrals?${query.toString()}`, {});
  const page = (await pageRes.json()) as ListReferrals['responses'][200]['content']['application/json'];
  const listed: ReferralView | undefined = page.items.find((r) => r.id === created.id);
  if (!listed || listed.version !== version)
    throw new Error(`not listed as ${afterSubmit} (due ${adviceDue})`);
  return read;
}
