import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsPublisher } from './metrics.publisher';
import { MetricsRepository } from './metrics.repository';

/** Volume and competence metrics per advisory function and knowledge environment (øvelse gør mester). */
@Module({
  controllers: [MetricsController],
  providers: [MetricsRepository, MetricsPublisher],
  exports: [MetricsPublisher],
})
export class MetricsModule {}
