import type { ServiceInfo } from '../../services';

/**
 * What the Kubernetes manifests share: names, labels, the image, the resources a pod asks for, and the
 * variables each service reads. One place, so the generator and its tests agree (docs/deployment.md).
 */
export const NAMESPACE = 'social-platform';
export const PART_OF = 'social-platform';

/**
 * The image name in the manifests: an overlay maps it to a registry and tag (`images:`, docs/deployment.md); a
 * local cluster (kind, minikube) can load an image built under this very name.
 */
export const IMAGE = 'social-platform';

/** The runtime stage's user `node` (infra/docker/Dockerfile): numeric, so the kubelet can check non-root. */
export const NODE_UID = 1000;

/** Shared, non-secret settings (the kit's Kafka and Keycloak variables); placeholders are `.example.internal`. */
export const PLATFORM_CONFIG = 'platform-config';

/** Secrets with a certificate authority (PEM, key `ca.crt`), mounted read-only under /etc/platform/<name>. */
export const KAFKA_CA = 'kafka-ca';
export const POSTGRES_CA = 'postgres-ca';
export const CA_KEY = 'ca.crt';
export const caFile = (secret: string) => `/etc/platform/${secret}/${CA_KEY}`;

/** Marks every value an operator must set before applying an example Secret. */
export const PLACEHOLDER = 'REPLACE-ME';

/**
 * Requests fit the measured idle RSS (126–150 MB, docs/performance.md) with room for the first requests; the
 * limit leaves room for the heaviest request measured (a national refusion year, < 300 MB).
 */
export const SERVICE_RESOURCES = {
  requests: { cpu: '100m', memory: '192Mi' },
  limits: { cpu: '1', memory: '512Mi' },
};
/** The migration runner holds one connection and the SQL files. */
export const MIGRATION_RESOURCES = {
  requests: { cpu: '50m', memory: '96Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
};
export const REPLICAS = 2;

/** `specialty-planning` → `SPECIALTY_PLANNING`, as libs/kit `envPrefix`. */
export const envPrefix = (service: string) => service.toUpperCase().replace(/-/g, '_');
/** `specialty-planning` → `specialty_planning`, the database name (libs/kit `databaseName`). */
export const databaseName = (service: string) => service.replace(/-/g, '_');

/** The Secret with what the service reads at run time (its database URL as its own login role, keys). */
export const runtimeSecret = (service: string) => `${service}-secrets`;
/** The Secret with the database URL of the role that owns the schema, read by the migration Job only. */
export const migrationSecret = (service: string) => `${service}-migrations`;

/**
 * Secrets of a service's own configuration schema (apps/<service>/src/config/*.config.ts), beyond the kit's.
 * A service not named here has none; the deployment test checks that every secret of infra/env/demo.env is
 * given to some service.
 */
const OWN_SECRETS: Record<string, readonly string[]> = {
  referrals: ['CPR_ENCRYPTION_KEYS', 'CPR_ENCRYPTION_KEY_ID', 'CPR_PSEUDONYM_KEY'],
  audit: ['AUDIT_CHECKPOINT_SIGNING_KEY'],
};

/** Every variable a service reads from its runtime Secret: the kit's (libs/kit kit-config.ts) and its own. */
export function secretVariables(service: ServiceInfo): string[] {
  return [
    service.databaseEnv,
    `${envPrefix(service.name)}_KAFKA_PASSWORD`,
    'REQUEST_HASH_KEY',
    ...(OWN_SECRETS[service.name] ?? []),
  ];
}
