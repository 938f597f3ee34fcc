import { getToken } from '@platform/testing';
import { CASE_TRACE_PATH, financingLines, type FinancingCaseTrace } from './src/financing-lines';
import type { TraceLine } from './src/trace-line';

/** The financing API of the local platform (tools/services.ts), unless FINANCING_URL names another. */
const DEFAULT_FINANCING_URL = 'http://127.0.0.1:3004';

/**
 * Who asks: TRACE_TOKEN when set (an access token of a state auditor, elsewhere than the local stack), else the
 * demo realm's state auditor, as tools/seed signs in its identities.
 */
async function token(): Promise<string> {
  return process.env.TRACE_TOKEN ?? (await getToken('auditor-state'));
}

/**
 * The case's cost lines and claim lines from financing's API. A trace without them is still a trace: when
 * financing cannot be asked (not running, no token) this says why on stderr and gives none.
 */
export async function readFinancing(correlationId: string): Promise<TraceLine[]> {
  const base = process.env.FINANCING_URL ?? DEFAULT_FINANCING_URL;
  const url = `${base}${CASE_TRACE_PATH}?correlationId=${encodeURIComponent(correlationId)}`;
  try {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${await token()}`, accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    return financingLines((await res.json()) as FinancingCaseTrace);
  } catch (error) {
    console.error(
      `[trace] financing's cost and claim lines not read from ${base}: ${(error as Error).message}`,
    );
    return [];
  }
}
