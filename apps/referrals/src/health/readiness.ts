import type { ReadinessCheck } from '@platform/http';
import type { KafkaConnection } from '@platform/messaging';
import type { PrismaService } from '../database/prisma.service';

export function readinessChecks(db: PrismaService, kafka: KafkaConnection): ReadinessCheck[] {
  return [
    { name: 'database', check: async () => void (await db.$queryRaw`SELECT 1`) },
    { name: 'kafka', check: () => kafka.ping() },
  ];
}
