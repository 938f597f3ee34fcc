import { Module } from '@nestjs/common';
import { EnvironmentConsumer } from './environment.consumer';
import { EnvironmentController } from './environment.controller';
import { EnvironmentRepository } from './environment.repository';

/** Knowledge environments (vidensmiljøer): the roster of approved advisory functions, from specialty planning. */
@Module({
  controllers: [EnvironmentController, EnvironmentConsumer],
  providers: [EnvironmentRepository],
  exports: [EnvironmentRepository],
})
export class EnvironmentModule {}
