import { todayInDenmark } from '@platform/domain';
import { getToken, type IdentityName } from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { cprFor } from './api-load';

/**
 * A referral through the referrals API up to the step a benchmark times: created, submitted, decided, sent and
 * accepted by the municipal case system of 101 and the operator system of region 1084, as
 * apps/referrals/test/lifecycle.int-spec.ts walks it. MODERATE in a target group under municipal responsibility
 * needs no advice, so no advisor is in the path.
 */
const CASE_SYSTEM: IdentityName = 'muni-101-system';
const OPERATOR: IdentityName = 'region-1084-system';

export interface AcceptedReferral {
  id: string;
  etag: string;
}

interface Answer {
  status: number;
  etag: string;
  body: { id?: string };
}

async function call(
  baseUrl: string,
  identity: IdentityName,
  path: string,
  body: object | undefined,
  etag?: string,
): Promise<Answer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await getToken(identity)}`,
      'content-type': 'application/json',
      'idempotency-key': `bench-${randomUUID()}`,
      ...(etag ? { 'if-match': etag } : {}),
    },
    body: JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    etag: res.headers.get('etag') ?? '',
    body: text ? (JSON.parse(text) as Answer['body']) : {},
  };
}

function expect(what: string, answer: Answer, status: number): Answer {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

/** Created … accepted, with the ETag the placement's start needs. */
export async function acceptedReferral(
  baseUrl: string,
  offerId: string,
  n: number,
): Promise<AcceptedReferral> {
  const today = todayInDenmark();
  const created = expect(
    'create',
    await call(baseUrl, CASE_SYSTEM, '/api/v1/referrals', {
      cpr: cprFor(n),
      targetGroup: 'AUTISM',
      assessedLevel: 'MODERATE',
      referralDate: today,
    }),
    201,
  );
  const id = created.body.id!;
  const path = `/api/v1/referrals/${id}`;
  const submitted = expect(
    'submit',
    await call(baseUrl, CASE_SYSTEM, `${path}/submit`, undefined, created.etag),
    200,
  );
  const decided = expect(
    'decision',
    await call(
      baseUrl,
      CASE_SYSTEM,
      `${path}/decision`,
      { offerId, level: 'MODERATE', startDate: today },
      submitted.etag,
    ),
    200,
  );
  const sent = expect('send', await call(baseUrl, CASE_SYSTEM, `${path}/send`, undefined, decided.etag), 200);
  const accepted = expect(
    'accept',
    await call(baseUrl, OPERATOR, `${path}/accept`, undefined, sent.etag),
    200,
  );
  return { id, etag: accepted.etag };
}

/** `n` accepted referrals, `inFlight` at a time. */
export async function acceptedReferrals(
  baseUrl: string,
  offerId: string,
  n: number,
  first: number,
  inFlight = 8,
): Promise<AcceptedReferral[]> {
  const done: AcceptedReferral[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      done.push(await acceptedReferral(baseUrl, offerId, first + i));
      if (done.length % 500 === 0) console.error(`[bench] ${done.length} referrals accepted`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return done;
}

/** The operator starts the placement (on the decision's start date): PlacementStarted follows. */
export async function startPlacement(baseUrl: string, referral: AcceptedReferral): Promise<void> {
  expect(
    'placement start',
    await call(baseUrl, OPERATOR, `/api/v1/referrals/${referral.id}/placement/start`, {}, referral.etag),
    200,
  );
}
