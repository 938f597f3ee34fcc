import { Global, Module } from '@nestjs/common';
import { ACCESS_DENIED_SINK, AuditTrail } from '@platform/auth';
import { OutboxWriter } from '@platform/messaging';
import { PrismaService } from '../database/prisma.service';

/** Audit events of this service go through its outbox to audit.events.v1. */
@Global()
@Module({
  providers: [
    {
      provide: AuditTrail,
      inject: [OutboxWriter, PrismaService],
      useFactory: (outbox: OutboxWriter, db: PrismaService) => new AuditTrail('referrals', outbox, db),
    },
    { provide: ACCESS_DENIED_SINK, useExisting: AuditTrail },
  ],
  exports: [AuditTrail, ACCESS_DENIED_SINK],
})
export class AuditModule {}
