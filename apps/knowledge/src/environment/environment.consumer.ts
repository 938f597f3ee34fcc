import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { FunctionApproved, FunctionExpiring, OfferUpdated, PlanApproved } from '@platform/contracts';
import { OnEvent, type InboundEvent } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { EnvironmentRepository } from './environment.repository';

const ADVISORY = 'ADVISORY_FUNCTION';

/**
 * Keeps the roster of knowledge environments in step with specialty planning (planning.plan.v1 and
 * planning.offer.v1), once per event id. Special functions are not knowledge's business and are skipped.
 */
@Controller()
export class EnvironmentConsumer {
  constructor(private readonly roster: EnvironmentRepository) {}

  @OnEvent(OfferUpdated)
  offer(@Payload() { tx, data }: InboundEvent<typeof OfferUpdated, Tx>): Promise<void> {
    return this.roster.upsertOffer(tx, data);
  }

  @OnEvent(FunctionApproved)
  async approved(@Payload() { tx, data }: InboundEvent<typeof FunctionApproved, Tx>): Promise<void> {
    if (data.functionType !== ADVISORY) return;
    await this.roster.approve(tx, {
      planningFunctionId: data.functionId,
      offerId: data.offerId,
      operatorOrgCode: data.operatorOrgCode,
      targetGroup: data.targetGroup,
      validFrom: data.validFrom,
      validTo: data.validTo,
      minimumYearlyVolume: data.minimumYearlyVolume,
      planVersion: null,
    });
  }

  /** A plan version's advisory entries; FunctionApproved for the same approval adds planning's id later. */
  @OnEvent(PlanApproved)
  async plan(@Payload() { tx, data }: InboundEvent<typeof PlanApproved, Tx>): Promise<void> {
    for (const entry of data.entries.filter((e) => e.functionType === ADVISORY)) {
      await this.roster.approve(tx, {
        planningFunctionId: null,
        offerId: entry.offerId,
        operatorOrgCode: null,
        targetGroup: entry.targetGroup,
        validFrom: entry.validFrom,
        validTo: entry.validTo,
        minimumYearlyVolume: entry.minimumYearlyVolume,
        planVersion: data.version,
      });
    }
  }

  @OnEvent(FunctionExpiring)
  async expiring(@Payload() { tx, data }: InboundEvent<typeof FunctionExpiring, Tx>): Promise<void> {
    if (data.functionType !== ADVISORY) return;
    await this.roster.announceExpiry(tx, data);
  }
}
