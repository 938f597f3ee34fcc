import type { TokenVerifier } from '@platform/auth';
import type { ReadinessCheck } from '@platform/http';
import type { KafkaConnection, SqlDatabase } from '@platform/messaging';

/**
 * A service is ready when its database answers and it can verify tokens (Keycloak's keys). The broker is reported
 * but optional: the outbox keeps what the API writes until Kafka is back (docs/deployment.md, health).
 */
export function readinessChecks(
  db: SqlDatabase,
  kafka: KafkaConnection,
  tokens: TokenVerifier,
): ReadinessCheck[] {
  return [
    { name: 'database', check: async () => void (await db.$queryRaw`SELECT 1`) },
    { name: 'kafka', check: () => kafka.ping(), optional: true },
    tokens.readiness(),
  ];
}
