import { Module } from '@nestjs/common';
import { AgreementController } from './agreement.controller';
import { AgreementRepository } from './agreement.repository';
import { AgreementService } from './agreement.service';
import { FrameworkAreaController } from './framework-area.controller';

/**
 * Framework agreements and cooperation (rule 10): the framework-agreement areas over time (from libs/domain),
 * their social cooperation committees, and one agreement per election period between the region and each of
 * its municipalities.
 */
@Module({
  controllers: [FrameworkAreaController, AgreementController],
  providers: [AgreementRepository, AgreementService],
})
export class FrameworkModule {}
