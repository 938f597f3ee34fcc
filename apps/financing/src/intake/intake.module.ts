import { Module } from '@nestjs/common';
import { IntakeRepository } from './intake.repository';

/** Read models from the other services' events: offers, responsibility, placements. */
@Module({ providers: [IntakeRepository], exports: [IntakeRepository] })
export class IntakeModule {}
