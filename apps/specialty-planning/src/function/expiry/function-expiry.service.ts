import { Injectable, Logger } from '@nestjs/common';
import { FunctionExpiring } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { CommandRunner, UnitOfWork, type Transition } from '@platform/kit';
import { event } from '@platform/messaging';
import { dayOf } from '@platform/persistence';
import type { Tx } from '../../database/prisma.service';
import { expiryHorizon, isExpiringWithin } from '../domain/function-validity';
import type { FunctionGrant } from '../function-grant';
import { FunctionRepository, type FunctionRow } from '../function.repository';

/**
 * Announces functions that end within 6 months (FunctionExpiring), once each, so their operators can re-apply
 * in time. The service itself is the principal: each announcement goes the command path with its audit record,
 * and the event and `expiry_announced_at` commit together, so a crash between them cannot announce twice.
 */
@Injectable()
export class FunctionExpiryService {
  private readonly logger = new Logger('FunctionExpiryService');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly functions: FunctionRepository,
  ) {}

  /** Announces every function now due; returns how many. Safe to run on several instances at once. */
  async announceExpiring(today = todayInDenmark()): Promise<number> {
    const announced = await this.uow.run(async (tx: Tx) => {
      const due = await this.functions.lockUnannouncedEndingBy(tx, today, expiryHorizon(today));
      for (const id of due) await this.announce(tx, id, today);
      return due.length;
    });
    if (announced) this.logger.log({ msg: 'functions expiring announced', functions: announced });
    return announced;
  }

  private announce(tx: Tx, id: string, today: string): Promise<FunctionRow> {
    return this.runner.run<FunctionRow, Date, FunctionRow, Tx>({
      principal: this.runner.system,
      tx,
      ifMatch: undefined,
      resource: { type: 'specialty-function', id },
      action: 'specialty-function.announce-expiry',
      purpose: 'specialty-planning',
      load: (t) => this.functions.lock(t, id),
      etag: () => '',
      transition: (row) => expiringTransition(row, today),
      save: (t, row, at) => this.functions.markAnnounced(t, row.id, at),
    });
  }
}

/** The event and the mark. The query chose the row by the same rule; a row the rule rejects is a bug. */
function expiringTransition(row: FunctionRow, today: string): Transition<Date> {
  const validity = { validFrom: dayOf(row.validFrom), validTo: dayOf(row.validTo) };
  if (row.expiryAnnouncedAt || !isExpiringWithin(validity, today)) {
    throw new Error(`function ${row.id} was chosen as expiring but is not`);
  }
  return {
    change: new Date(),
    events: [
      event(FunctionExpiring, {
        functionId: row.id,
        offerId: row.offerId,
        operatorOrgCode: row.operatorOrgCode,
        targetGroup: row.targetGroup,
        functionType: row.functionType as FunctionGrant['functionType'],
        validTo: validity.validTo,
      }),
    ],
  };
}
