import { FunctionApproved, type FUNCTION_TYPES } from '@platform/contracts';
import type { IsoDate } from '@platform/domain';
import { event, type PendingEvent } from '@platform/messaging';
import { dateOf, dayOf } from '@platform/persistence';
import { randomUUID } from 'node:crypto';
import type { FunctionRow } from './function.repository';

/** What approving a function decides: which offer holds which function, for how long, at which minimum. */
export interface FunctionGrant {
  offerId: string;
  operatorOrgCode: string;
  targetGroup: string;
  functionType: (typeof FUNCTION_TYPES)[number];
  validFrom: IsoDate;
  validTo: IsoDate;
  minimumYearlyVolume: number;
  /** The application it answers, or the plan version it came with (one of the two). */
  applicationId: string | null;
  planVersionId: string | null;
}

/**
 * The row and the FunctionApproved event of an approval, decided together so the event names the row's id.
 * The event's subject (Kafka key) is the function, so its later FunctionExpiring follows it in order.
 */
export function grantFunction(grant: FunctionGrant, now: Date): { row: FunctionRow; event: PendingEvent } {
  const row: FunctionRow = {
    id: randomUUID(),
    offerId: grant.offerId,
    operatorOrgCode: grant.operatorOrgCode,
    targetGroup: grant.targetGroup,
    functionType: grant.functionType,
    validFrom: dateOf(grant.validFrom),
    validTo: dateOf(grant.validTo),
    minimumYearlyVolume: grant.minimumYearlyVolume,
    applicationId: grant.applicationId,
    planVersionId: grant.planVersionId,
    expiryAnnouncedAt: null,
    createdAt: now,
  };
  return { row, event: functionApprovedEvent(row) };
}

function functionApprovedEvent(row: FunctionRow): PendingEvent {
  return event(
    FunctionApproved,
    {
      functionId: row.id,
      offerId: row.offerId,
      operatorOrgCode: row.operatorOrgCode,
      targetGroup: row.targetGroup,
      functionType: row.functionType as FunctionGrant['functionType'],
      applicationId: row.applicationId,
      validFrom: dayOf(row.validFrom),
      validTo: dayOf(row.validTo),
      minimumYearlyVolume: row.minimumYearlyVolume,
    },
    row.id,
  );
}
