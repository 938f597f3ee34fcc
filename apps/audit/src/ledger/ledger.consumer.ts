import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AuditRecorded } from '@platform/contracts';
import { OnEvent, type InboundEvent } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { LedgerRepository } from './ledger.repository';

/**
 * Appends every audit event of every service (topic audit.events.v1) to the ledger, through the inbox: once
 * per event id, in the transaction that records the event id, so a redelivery adds no second row.
 */
@Controller()
export class LedgerConsumer {
  constructor(private readonly ledger: LedgerRepository) {}

  @OnEvent(AuditRecorded)
  async recorded(@Payload() { tx, data, event }: InboundEvent<typeof AuditRecorded, Tx>) {
    await this.ledger.append(tx, event.id, data);
  }
}
