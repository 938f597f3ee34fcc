import { Module } from '@nestjs/common';
import { LedgerModule } from '../cost/ledger.module';
import { IntakeConsumer } from './intake.consumer';
import { IntakeModule } from './intake.module';

/** The consumer of the other services' events: the read models, and the cost lines the facts move. */
@Module({ imports: [IntakeModule, LedgerModule], controllers: [IntakeConsumer] })
export class IntakeConsumerModule {}
