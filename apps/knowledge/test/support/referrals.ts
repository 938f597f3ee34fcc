import { ReferralAdviceRequired, TOPICS } from '@platform/contracts';
import { addDays, todayInDenmark } from '@platform/domain';
import {
  eventData,
  eventually,
  startServiceProcess,
  testKafka,
  waitForEvent,
  type IdentityName,
  type ReceivedEvent,
  type ServiceProcess,
} from '@platform/testing';
import type { Producer } from 'kafkajs';
import { randomInt, randomUUID } from 'node:crypto';

export interface TestReferral {
  referralId: string;
  municipalityCode: string;
  targetGroup: string;
}

type Caseworker = Extract<IdentityName, 'caseworker-101' | 'caseworker-751'>;

/** A made-up CPR number of an adult (born 1960–1989; only the date is checked), different on every call. */
function adultCpr(): string {
  const day = String(randomInt(1, 29)).padStart(2, '0');
  const month = String(randomInt(1, 13)).padStart(2, '0');
  return `${day}${month}${randomInt(60, 90)}${String(randomInt(0, 10_000)).padStart(4, '0')}`;
}

/**
 * The referrals service as knowledge's tests meet it: its own process (started on first use), reached through
 * its API only. A case worker's submitted referral is what makes knowledge open an advice case (advice-required),
 * and the decision on it is what knowledge compares with the advice (decided).
 */
export class Referrals {
  private service?: Promise<ServiceProcess>;

  private started(): Promise<ServiceProcess> {
    return (this.service ??= startServiceProcess('referrals'));
  }

  async as(identity: IdentityName) {
    return (await this.started()).as(identity);
  }

  /** A case worker creates and submits a HIGH-level referral: it needs advice (rule 3), announced on Kafka. */
  async needingAdvice(targetGroup: string, caseworker: Caseworker = 'caseworker-101'): Promise<TestReferral> {
    const api = await this.as(caseworker);
    const created = await api
      .post('/api/v1/referrals')
      .send({ cpr: adultCpr(), targetGroup, assessedLevel: 'HIGH', referralDate: todayInDenmark() });
    if (created.status !== 201)
      throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
    const referralId = created.body.id as string;
    const submitted = await api
      .post(`/api/v1/referrals/${referralId}/submit`)
      .set('If-Match', created.headers.etag);
    if (submitted.body?.advice?.required !== true)
      throw new Error(`submit did not require advice: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    return { referralId, municipalityCode: caseworker.split('-')[1], targetGroup };
  }

  /**
   * The case worker decides the referral once the advice reached it: the offer and level given. Retried while the
   * referrals service has not yet learnt the offer from specialty planning.
   */
  async decide(
    referral: TestReferral,
    offerId: string,
    level: string,
    caseworker: Caseworker = 'caseworker-101',
  ) {
    const api = await this.as(caseworker);
    const path = `/api/v1/referrals/${referral.referralId}`;
    let decided: { status: number; body: unknown } | undefined;
    await eventually(async () => {
      const current = await api.get(path);
      if (current.body.status !== 'READY_FOR_DECISION') return false;
      decided = await api
        .post(`${path}/decision`)
        .set('If-Match', current.headers.etag)
        .send({ offerId, level, startDate: addDays(todayInDenmark(), 14) });
      return decided.status === 200;
    }, 60_000);
    return decided!.body as { decision: { followsAdvice: boolean | null; deviation: boolean } };
  }

  async stop(): Promise<void> {
    const service = this.service;
    this.service = undefined;
    if (service) await (await service).stop();
  }
}

/** The advice-required event the referrals service published for a referral, as it is on Kafka. */
export function adviceRequiredOf(referralId: string, since: Date): Promise<ReceivedEvent> {
  return waitForEvent(
    TOPICS.referral,
    (e) =>
      e.headers.ce_type === ReferralAdviceRequired.type &&
      eventData<{ referralId: string }>(e).referralId === referralId,
    { from: since },
  );
}

let producer: Promise<Producer> | undefined;

/**
 * Delivers a consumed message again, byte for byte (its key, data and CloudEvents headers, so its event id), as
 * the broker may after a rebalance: a duplicate the real producer cannot be made to send. With `newId`, the same
 * event under a new id (a replay).
 */
export async function redeliver(event: ReceivedEvent, options: { newId?: boolean } = {}): Promise<string> {
  producer ??= (async () => {
    const p = testKafka('knowledge-tests-redelivery').producer();
    await p.connect();
    return p;
  })();
  const id = options.newId ? randomUUID() : event.headers.ce_id;
  const headers = { ...event.headers, ce_id: id };
  await (
    await producer
  ).send({
    topic: event.topic,
    acks: -1,
    messages: [{ key: event.key, value: event.value, headers }],
  });
  return id;
}

export async function closeRedelivery(): Promise<void> {
  const current = producer;
  producer = undefined;
  await (await current)?.disconnect();
}
