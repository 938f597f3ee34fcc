import {
  deadLetterTopic,
  SERVICES as REGISTRY_SERVICES,
  topicsConsumedBy,
  topicsProducedBy,
} from '@platform/contracts';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
} from 'kafkajs';
import { SERVICES as PLATFORM_SERVICES } from '../../services';

/** tools/stack's own principal: a super user of the local broker (creates topics and ACLs). */
export const ADMIN_USER = 'admin';
/** The test harness and the demo seed: full rights on topics and groups, on the local stack only. */
export const TEST_USER = 'platform-tests';

export interface KafkaUser {
  name: string;
  /** The variable of its SCRAM password (infra/env/demo.env on the local stack). */
  passwordVariable: string;
}

/** `specialty-planning` → `SPECIALTY_PLANNING_KAFKA_PASSWORD`; the admin's is `KAFKA_ADMIN_PASSWORD`. */
export function passwordVariable(user: string): string {
  return user === ADMIN_USER
    ? 'KAFKA_ADMIN_PASSWORD'
    : `${user.toUpperCase().replace(/-/g, '_')}_KAFKA_PASSWORD`;
}

/** Every service: those tools/platform runs (tools/services.ts) and those the topic registry names. */
export function kafkaServices(): string[] {
  return [...new Set([...PLATFORM_SERVICES.map((s) => s.name), ...REGISTRY_SERVICES])].sort();
}

/** The broker's SCRAM users: the admin, one per service, and the test principal. */
export function kafkaUsers(services: readonly string[] = kafkaServices()): KafkaUser[] {
  return [ADMIN_USER, ...services, TEST_USER].map((name) => ({
    name,
    passwordVariable: passwordVariable(name),
  }));
}

const CLUSTER = 'kafka-cluster';

const allow = (
  principal: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  operation: AclOperationTypes,
  resourcePatternType = ResourcePatternTypes.LITERAL,
): AclEntry => ({
  principal: `User:${principal}`,
  host: '*',
  resourceType,
  resourceName,
  resourcePatternType,
  operation,
  permissionType: AclPermissionTypes.ALLOW,
});

/**
 * The ACLs of one service, derived from the topic registry (libs/contracts):
 * - the topics it produces (its own, and the audit trail): WRITE, DESCRIBE, CREATE (its start-up creates them);
 * - the topics it consumes: READ, DESCRIBE; and their dead-letter topics, where its inbox parks what it cannot
 *   apply: WRITE, DESCRIBE, CREATE;
 * - its consumer groups, every group whose name starts with its own (`referrals`, `referrals-test`…): READ,
 *   DESCRIBE;
 * - the cluster: IDEMPOTENT_WRITE (the outbox relay's idempotent producer).
 * Nothing else: no other topic, no other group, no ACL or config changes.
 */
export function serviceAcls(service: string): AclEntry[] {
  const consumed = topicsConsumedBy(service);
  const writes = [...topicsProducedBy(service), ...consumed.map(deadLetterTopic)];
  return [
    ...writes.flatMap((topic) =>
      [AclOperationTypes.WRITE, AclOperationTypes.DESCRIBE, AclOperationTypes.CREATE].map((op) =>
        allow(service, AclResourceTypes.TOPIC, topic, op),
      ),
    ),
    ...consumed.flatMap((topic) =>
      [AclOperationTypes.READ, AclOperationTypes.DESCRIBE].map((op) =>
        allow(service, AclResourceTypes.TOPIC, topic, op),
      ),
    ),
    ...[AclOperationTypes.READ, AclOperationTypes.DESCRIBE].map((op) =>
      allow(service, AclResourceTypes.GROUP, service, op, ResourcePatternTypes.PREFIXED),
    ),
    allow(service, AclResourceTypes.CLUSTER, CLUSTER, AclOperationTypes.IDEMPOTENT_WRITE),
  ];
}

/** The test principal: everything on every topic and group, idempotent writes (local stack only). */
export function testAcls(): AclEntry[] {
  return [
    allow(TEST_USER, AclResourceTypes.TOPIC, '*', AclOperationTypes.ALL),
    allow(TEST_USER, AclResourceTypes.GROUP, '*', AclOperationTypes.ALL),
    allow(TEST_USER, AclResourceTypes.CLUSTER, CLUSTER, AclOperationTypes.IDEMPOTENT_WRITE),
    allow(TEST_USER, AclResourceTypes.CLUSTER, CLUSTER, AclOperationTypes.DESCRIBE),
  ];
}

/** Every ACL of the local broker (the admin is a super user and needs none). */
export function platformAcls(services: readonly string[] = kafkaServices()): AclEntry[] {
  return [...services.flatMap(serviceAcls), ...testAcls()];
}

/** One ACL as a comparable string. */
export const aclKey = (a: AclEntry) =>
  [
    a.principal,
    a.host,
    a.resourceType,
    a.resourceName,
    a.resourcePatternType,
    a.operation,
    a.permissionType,
  ].join('|');
