import { Module } from '@nestjs/common';
import { CitizenAccessController } from '../citizen/citizen-access.controller';
import { LedgerConsumer } from './ledger.consumer';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

/** The hash-chained audit ledger: fed from audit.events.v1, read by the state's auditor and, per citizen, by its municipality. */
@Module({
  controllers: [LedgerConsumer, LedgerController, CitizenAccessController],
  providers: [LedgerRepository, LedgerService],
})
export class LedgerModule {}
