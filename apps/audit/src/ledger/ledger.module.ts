import { Module } from '@nestjs/common';
import { CitizenAccessController } from '../citizen/citizen-access.controller';
import { LedgerBatchAppender } from './intake/batch-appender';
import { LedgerIntake } from './intake/ledger-intake';
import { LedgerRoleCheck } from './ledger-role.check';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';

/** The hash-chained audit ledger: fed from audit.events.v1, read by the state's auditor and, per citizen, by its municipality. */
@Module({
  controllers: [LedgerController, CitizenAccessController],
  providers: [LedgerRepository, LedgerService, LedgerBatchAppender, LedgerIntake, LedgerRoleCheck],
})
export class LedgerModule {}
