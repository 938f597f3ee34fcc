import { ensureStack } from '@platform/testing';

/**
 * Before the integration tests: the real PostgreSQL, Kafka and Keycloak are up (started when they are not).
 * Each test file migrates its own database when it boots the service.
 */
export default async function setup(): Promise<void> {
  await ensureStack();
}
