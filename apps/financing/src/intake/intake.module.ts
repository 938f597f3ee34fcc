import { Module } from '@nestjs/common';
import { CitizenReads } from '../common/citizen-reads';
import { IntakeRepository } from './intake.repository';

/**
 * Read models from the other services' events: offers, responsibility, placements; and the audit of reads of
 * citizens' data, which finds a placement's citizen here.
 */
@Module({ providers: [IntakeRepository, CitizenReads], exports: [IntakeRepository, CitizenReads] })
export class IntakeModule {}
