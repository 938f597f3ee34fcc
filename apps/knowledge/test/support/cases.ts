import { eventually, type TestService } from '@platform/testing';
import type { PrismaService } from '../../src/database/prisma.service';
import type { AdviceCase } from '../../src/generated/prisma/client';

/**
 * Waits for the consumer: after a benchmark or many tests the topics hold thousands of events knowledge reads
 * first, so the waits here are longer than `eventually`'s default.
 */
const CONSUMER_WAIT_MS = 90_000;

/** The advice case of a referral, once the consumer opened it. */
export async function caseOfReferral(t: TestService<PrismaService>, referralId: string): Promise<AdviceCase> {
  let found: AdviceCase | null = null;
  await eventually(async () => {
    found = await t.db.adviceCase.findUnique({ where: { referralId } });
    return found !== null;
  }, CONSUMER_WAIT_MS);
  return found as unknown as AdviceCase;
}

/** Waits until the roster holds the function (the consumer applied FunctionApproved). */
export async function functionInRoster(
  t: TestService<PrismaService>,
  planningFunctionId: string,
): Promise<string> {
  let id = '';
  await eventually(async () => {
    const row = await t.db.advisoryFunction.findUnique({ where: { planningFunctionId } });
    id = row?.id ?? '';
    return row !== null;
  }, CONSUMER_WAIT_MS);
  return id;
}

export const etag = (version: number) => `W/"${version}"`;
