import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { caFile, KAFKA_CA, NAMESPACE, PART_OF, PLACEHOLDER, PLATFORM_CONFIG } from './settings';

const partOf = { 'app.kubernetes.io/part-of': PART_OF };

export function namespace(): INamespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE, labels: partOf } };
}

/** A value of the platform ConfigMap and why it is what it is (a comment in the YAML). */
interface Setting {
  value: string;
  why: string;
}

/** The settings every service reads alike (libs/kit kit-config.ts); the secrets are in each service's Secret. */
export const PLATFORM_SETTINGS: Record<string, Setting> = {
  KAFKA_BROKERS: {
    value: 'kafka-0.kafka.example.internal:9093,kafka-1.kafka.example.internal:9093',
    why: `${PLACEHOLDER}: the brokers' TLS + SASL listener, host:port separated by commas`,
  },
  KAFKA_SASL_MECHANISM: {
    value: 'scram-sha-512',
    why: 'scram-sha-256 or scram-sha-512: the mechanism the brokers created the services’ users with',
  },
  KAFKA_SSL: { value: 'true', why: 'TLS to the brokers; the production guardrails refuse false' },
  KAFKA_SSL_CA_FILE: { value: caFile(KAFKA_CA), why: `the brokers' CA, from the Secret ${KAFKA_CA}` },
  KEYCLOAK_URL: {
    value: 'https://login.example.internal',
    why: `${PLACEHOLDER}: Keycloak's base URL (the issuer is <url>/realms/<realm>); https, or the guardrails refuse it`,
  },
  KEYCLOAK_REALM: { value: 'social', why: 'the realm whose tokens the services accept' },
  KEYCLOAK_AUDIENCE: { value: 'platform-api', why: 'the audience every token must carry' },
  DATABASE_POOL_SIZE: {
    value: '10',
    why: 'connections per pod: replicas × this, per service, must fit the server’s max_connections',
  },
};

export function platformConfig(): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: PLATFORM_CONFIG, namespace: NAMESPACE, labels: partOf },
    data: Object.fromEntries(Object.entries(PLATFORM_SETTINGS).map(([name, s]) => [name, s.value])),
  };
}

/** No pod of the namespace takes connections unless a policy opens a port (each service its HTTP port). */
export function denyIngress(): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny-ingress', namespace: NAMESPACE, labels: partOf },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  };
}
