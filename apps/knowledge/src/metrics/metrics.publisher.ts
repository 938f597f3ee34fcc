import { Injectable } from '@nestjs/common';
import { actorExtension, type Principal } from '@platform/auth';
import { AdviceMetricsUpdated } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { OutboxWriter } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { MetricsRepository } from './metrics.repository';

/** The function a changed case counts for, and the day of its advice (the year it counts in). */
export interface CountedCase {
  advisoryFunctionId: string | null;
  advisorOrgCode: string;
  targetGroup: string;
  adviceGivenAt: Date | null;
}

/**
 * Sends a function's numbers for a year (AdviceMetricsUpdated on knowledge.advice.v1) in the transaction that
 * changed them, so specialty planning's volume flag follows every advice and every decision on one.
 */
@Injectable()
export class MetricsPublisher {
  constructor(
    private readonly metrics: MetricsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async publish(tx: Tx, changed: CountedCase, principal: Principal): Promise<void> {
    if (!changed.adviceGivenAt) return;
    const year = Number(todayInDenmark(changed.adviceGivenAt).slice(0, 4));
    const [m] = await this.metrics.perFunction(
      {
        year,
        advisoryFunctionId: changed.advisoryFunctionId,
        advisorOrgCode: changed.advisorOrgCode,
        targetGroup: changed.targetGroup,
      },
      tx,
    );
    if (!m) return;
    await this.outbox.append(tx, AdviceMetricsUpdated, {
      subject: `${m.advisoryFunctionId ?? `national:${m.targetGroup}`}:${year}`,
      data: {
        advisoryFunctionId: m.advisoryFunctionId,
        functionId: m.functionId,
        offerId: m.offerId,
        operatorOrgCode: m.operatorOrgCode,
        targetGroup: m.targetGroup,
        year,
        citizensAdvised: m.citizensAdvised,
        adviceGiven: m.adviceGiven,
        adviceOnTime: m.adviceOnTime,
        adviceFollowed: m.adviceFollowed,
        adviceDeviatedFrom: m.adviceDeviatedFrom,
        minimumYearlyVolume: m.minimumYearlyVolume,
        belowMinimumVolume: m.minimumYearlyVolume === null ? null : m.citizensAdvised < m.minimumYearlyVolume,
      },
      extensions: actorExtension(principal),
    });
  }
}
