import { TOPICS } from '@platform/contracts';
import { collectEvents, eventData } from '@platform/testing';

export interface ReferralEvent {
  type: string;
  data: unknown;
  headers: Record<string, string>;
  /** Key, headers and value as one text, to search for anything that must not be there. */
  raw: string;
}

/** When this test process started: reading the topic from here skips other runs' events. */
const STARTED = new Date(Date.now() - 60_000);

/** The events of one referral on referrals.referral.v1, in order, once at least `count` have arrived. */
export async function referralEvents(
  referralId: string,
  count: number,
  timeoutMs = 30_000,
): Promise<ReferralEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = (await collectEvents(TOPICS.referral, { from: STARTED }))
      .filter((e) => e.key?.toString() === referralId)
      .map((e) => ({
        type: e.headers.ce_type,
        data: eventData(e),
        headers: e.headers,
        raw: `${e.key?.toString()} ${JSON.stringify(e.headers)} ${e.value?.toString()}`,
      }));
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 500));
  }
}
