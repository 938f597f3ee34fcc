import { Module } from '@nestjs/common';
import { CaseTraceController } from './case-trace.controller';
import { CaseTraceRepository } from './case-trace.repository';

/** A case's cost lines and claim lines by its correlation id (tools/trace). */
@Module({
  controllers: [CaseTraceController],
  providers: [CaseTraceRepository],
})
export class CaseTraceModule {}
