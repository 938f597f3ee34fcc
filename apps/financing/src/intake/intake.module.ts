import { Module } from '@nestjs/common';
import { IntakeConsumer } from './intake.consumer';
import { IntakeRepository } from './intake.repository';

/** Read models from the other services' events: offers, responsibility, placements. */
@Module({ controllers: [IntakeConsumer], providers: [IntakeRepository], exports: [IntakeRepository] })
export class IntakeModule {}
