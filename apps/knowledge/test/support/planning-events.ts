import {
  createCloudEvent,
  FunctionApproved,
  OfferUpdated,
  ReferralAdviceRequired,
  ReferralDecided,
  toKafkaMessage,
  type EventData,
  type EventDefinition,
} from '@platform/contracts';
import { closePublisher, publishEvent, testKafka } from '@platform/testing';
import type { Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Events of the services knowledge consumes, written straight to Kafka under their owners' sources. Specialty
 * planning's FunctionApproved is published by hand while that service is built in parallel (issue 9); the
 * referral events stand for the referrals service, so one test can send the same event twice.
 */
const PLANNING = '/services/specialty-planning';
const REFERRALS = '/services/referrals';

/** A target group code of this run only, so functions other tests approved cannot take its cases. */
export const uniqueTargetGroup = (prefix = 'KT') =>
  `${prefix}_${randomBytes(5).toString('hex').toUpperCase()}`;
export const pseudonym = () => randomBytes(32).toString('hex');

export interface TestFunction {
  offerId: string;
  functionId: string;
  targetGroup: string;
  operatorOrgCode: string;
}

/** An offer (OfferUpdated) and its approved advisory function (FunctionApproved), as specialty planning sends them. */
export async function approveAdvisoryFunction(options: {
  targetGroup: string;
  operatorOrgType?: 'region' | 'municipality' | 'state';
  operatorOrgCode: string;
  municipalityCode?: string;
  name?: string;
  validFrom?: string;
  validTo?: string;
  minimumYearlyVolume?: number;
}): Promise<TestFunction> {
  const offerId = randomUUID();
  const functionId = randomUUID();
  await publishEvent(
    OfferUpdated,
    offerId,
    {
      offerId,
      version: 1,
      name: options.name ?? `Vidensmiljø ${options.targetGroup}`,
      operatorOrgType: options.operatorOrgType ?? 'region',
      operatorOrgCode: options.operatorOrgCode,
      level: 'HIGH',
      targetGroups: [options.targetGroup],
      places: 12,
      active: true,
      ...(options.municipalityCode ? { municipalityCode: options.municipalityCode } : {}),
    },
    PLANNING,
  );
  await publishEvent(
    FunctionApproved,
    functionId,
    {
      functionId,
      offerId,
      operatorOrgCode: options.operatorOrgCode,
      targetGroup: options.targetGroup,
      functionType: 'ADVISORY_FUNCTION',
      applicationId: null,
      validFrom: options.validFrom ?? '2026-01-01',
      validTo: options.validTo ?? '2030-12-31',
      minimumYearlyVolume: options.minimumYearlyVolume ?? 30,
    },
    PLANNING,
  );
  return { offerId, functionId, targetGroup: options.targetGroup, operatorOrgCode: options.operatorOrgCode };
}

let producer: Promise<Producer> | undefined;

/** Sends one CloudEvent `times` times, with the same id: a redelivery as the broker may make it. */
export async function sendTimes<D extends EventDefinition>(
  definition: D,
  subject: string,
  data: EventData<D>,
  source: string,
  times: number,
  id = randomUUID(),
): Promise<string> {
  producer ??= (async () => {
    const p = testKafka('knowledge-tests-publisher').producer();
    await p.connect();
    return p;
  })();
  const message = toKafkaMessage(createCloudEvent({ id, source, type: definition.type, subject, data }));
  for (let i = 0; i < times; i++)
    await (await producer).send({ topic: definition.topic, acks: -1, messages: [message] });
  return id;
}

export interface TestReferral {
  referralId: string;
  municipalityCode: string;
  citizenPseudonym: string;
  targetGroup: string;
}

export function adviceRequired(referral: TestReferral): EventData<typeof ReferralAdviceRequired> {
  return {
    referralId: referral.referralId,
    municipalityCode: referral.municipalityCode,
    citizenPseudonym: referral.citizenPseudonym,
    targetGroup: referral.targetGroup,
    assessedLevel: 'HIGH',
    ageGroup: 'ADULT',
    reasons: ['HIGH_LEVEL'],
    adviceDueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  };
}

/** A referral needing advice, as the referrals service announces it (sent `times` times under one event id). */
export async function requireAdvice(referral: TestReferral, times = 1): Promise<string> {
  return sendTimes(ReferralAdviceRequired, referral.referralId, adviceRequired(referral), REFERRALS, times);
}

export function newReferral(targetGroup: string, municipalityCode = '101'): TestReferral {
  return { referralId: randomUUID(), municipalityCode, citizenPseudonym: pseudonym(), targetGroup };
}

/** The referral's decision, as the referrals service announces it. */
export function publishDecision(
  referral: TestReferral,
  offerId: string,
  followsAdvice: boolean,
): Promise<string> {
  return publishEvent(
    ReferralDecided,
    referral.referralId,
    {
      referralId: referral.referralId,
      municipalityCode: referral.municipalityCode,
      citizenPseudonym: referral.citizenPseudonym,
      targetGroup: referral.targetGroup,
      offerId,
      level: followsAdvice ? 'HIGH' : 'MODERATE',
      startDate: '2026-12-01',
      followsAdvice,
      deviation: !followsAdvice,
      deviationReasons: followsAdvice ? [] : ['LOWER_LEVEL'],
      urgent: false,
      decidedBeforeAdvice: false,
    },
    REFERRALS,
  );
}

export async function closeEvents(): Promise<void> {
  const current = producer;
  producer = undefined;
  await (await current)?.disconnect();
  await closePublisher();
}
