import type { ServiceApi } from '@platform/testing';
import { inPool, sleep } from './pool';
import type { EffectTally } from './tally';

/**
 * The downstream effects of referrals, counted through each service's API as the people who may see them:
 * the state's auditor reads advice cases and the ledger, the referring municipality its cost lines, anyone the
 * offer's occupancy.
 */

async function getOk<T>(api: ServiceApi, who: Parameters<ServiceApi['as']>[0], path: string): Promise<T> {
  const res = await (await api.as(who)).get(path);
  if (res.status !== 200) throw new Error(`GET ${path} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Advice cases knowledge opened per referral (from each referral's advice-required event), with their ids. */
export async function adviceCases(
  knowledge: ServiceApi,
  referralIds: readonly string[],
): Promise<{ perReferral: Map<string, number>; caseIds: string[] }> {
  const lists = await inPool(referralIds, 4, (id) =>
    getOk<{ items: { id: string }[] }>(knowledge, 'auditor-state', `/api/v1/advice-cases?referralId=${id}`),
  );
  return {
    perReferral: new Map(referralIds.map((id, i) => [id, lists[i]!.items.length])),
    caseIds: lists.flatMap((l) => l.items.map((c) => c.id)),
  };
}

/** Occupied places of an offer as specialty planning counts them from placement events. */
export async function occupancy(planning: ServiceApi, offerId: string): Promise<number> {
  return (await getOk<{ occupied: number }>(planning, 'planner-state', `/api/v1/offers/${offerId}`)).occupied;
}

/** Municipality 101's cost lines of one month, per referral. */
export async function costLines(financing: ServiceApi, month: string): Promise<Map<string, number>> {
  const [year, throughMonth] = month.split('-').map(Number);
  const body = await getOk<{ items: { referralId: string; month: string }[] }>(
    financing,
    'caseworker-101',
    `/api/v1/cost-lines?year=${year}&throughMonth=${throughMonth}`,
  );
  const counts = new Map<string, number>();
  for (const line of body.items.filter((l) => l.month === month))
    counts.set(line.referralId, (counts.get(line.referralId) ?? 0) + 1);
  return counts;
}

/** Ledger rows of one service since an instant, per `<resource id> <action>` (every page). */
export async function auditRows(
  audit: ServiceApi,
  service: string,
  since: Date,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ service, from: since.toISOString(), limit: '1000' });
    if (cursor) query.set('cursor', cursor);
    const page = await getOk<{
      items: { action: string; resource: { id: string | null } }[];
      nextCursor: string | null;
    }>(audit, 'auditor-state', `/api/v1/audit/events?${query}`);
    for (const row of page.items) {
      const key = `${row.resource.id} ${row.action}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return counts;
}

/**
 * Polls the tallies until every effect is applied, then once more after the consumers have nothing left
 * (`quiet`), so a late duplicate shows too. Gives up after `timeoutMs` and returns what it found: the test
 * prints the table and fails on it, rather than on a bare timeout.
 */
export async function settle(
  count: () => Promise<EffectTally[]>,
  { timeoutMs, quiet }: { timeoutMs: number; quiet?: () => Promise<boolean> },
): Promise<EffectTally[]> {
  const deadline = Date.now() + timeoutMs;
  let rows = await count();
  while (rows.some((r) => r.applied < r.sent) && Date.now() < deadline) {
    await sleep(2_000);
    rows = await count();
  }
  while (quiet && !(await quiet()) && Date.now() < deadline) await sleep(1_000);
  return count();
}
