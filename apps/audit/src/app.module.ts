import { Module } from '@nestjs/common';
import { defineService } from '@platform/kit';
import { auditConfigSchema } from './config/audit.config';
import { PrismaService } from './database/prisma.service';
import { LedgerModule } from './ledger/ledger.module';

/** The capabilities of the audit service, one module each; the kit (libs/kit) supplies what they share. */
@Module({ imports: [LedgerModule] })
export class AppModule {}

export const auditService = defineService({
  name: 'audit',
  port: 3005,
  module: AppModule,
  database: PrismaService,
  config: auditConfigSchema,
  openApi: {
    title: 'Audit API',
    description:
      'The hash-chained audit ledger of every access to citizen data across the platform (fed from ' +
      'audit.events.v1): query, FHIR R4 AuditEvent export, verification and signed checkpoints for the state’s ' +
      'auditor; the citizen’s own access log (GDPR art. 15) for the auditor and the citizen’s municipality.',
    version: '1',
  },
});
