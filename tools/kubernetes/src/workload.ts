import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';
import type { ServiceInfo } from '../../services';
import { container, labels, metadata, POD_SECURITY, selector, volumes } from './pod';
import { PLATFORM_CONFIG, REPLICAS, runtimeSecret, secretVariables, SERVICE_RESOURCES } from './settings';

export const HEALTH = { live: '/health/live', ready: '/health/ready' };
const HTTP = 'http';

const probe = (path: string, timing: Omit<IProbe, 'httpGet'>): IProbe => ({
  httpGet: { path, port: HTTP },
  ...timing,
});

/**
 * The service's environment: where it listens (all interfaces: the kit binds 127.0.0.1 unless HOST says
 * otherwise), production mode (the kit's guardrails refuse demo secrets, a superuser database role, plain
 * HTTP to Keycloak and Kafka without TLS), each secret by name from its Secret; the shared settings come
 * from the ConfigMap (envFrom).
 */
function environment(service: ServiceInfo): IEnvVar[] {
  return [
    { name: 'NODE_ENV', value: 'production' },
    { name: 'HOST', value: '0.0.0.0' },
    { name: 'PORT', value: String(service.port) },
    ...secretVariables(service).map((name) => ({
      name,
      valueFrom: { secretKeyRef: { name: runtimeSecret(service.name), key: name } },
    })),
  ];
}

/**
 * Stateless API pods: `replicas` scale requests; consumers share the service's consumer group, so at most one
 * pod per partition consumes (docs/deployment.md). Liveness asks only whether the process answers, readiness
 * whether the database, Kafka and the realm's keys do; the startup probe keeps liveness off until it listens.
 */
export function deployment(service: ServiceInfo): IDeployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(service.name, labels(service, 'api')),
    spec: {
      replicas: REPLICAS,
      selector: { matchLabels: selector(service) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: labels(service, 'api') },
        spec: {
          automountServiceAccountToken: false,
          securityContext: POD_SECURITY,
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selector(service) },
            },
          ],
          containers: [
            container(service.name, true, {
              command: ['node', `dist/apps/${service.name}/src/main.js`],
              ports: [{ name: HTTP, containerPort: service.port, protocol: 'TCP' }],
              envFrom: [{ configMapRef: { name: PLATFORM_CONFIG } }],
              env: environment(service),
              resources: SERVICE_RESOURCES,
              startupProbe: probe(HEALTH.live, { periodSeconds: 2, timeoutSeconds: 2, failureThreshold: 30 }),
              livenessProbe: probe(HEALTH.live, {
                periodSeconds: 10,
                timeoutSeconds: 2,
                failureThreshold: 3,
              }),
              // The checks time out after 2 s each, side by side. Readiness includes Kafka, whose outage the
              // outbox rides out, so a pod leaves the Service only after 30 s of failing (docs/deployment.md).
              readinessProbe: probe(HEALTH.ready, {
                periodSeconds: 5,
                timeoutSeconds: 3,
                failureThreshold: 6,
              }),
              // the endpoint is removed before SIGTERM closes the server (Nest's shutdown hooks)
              lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
            }),
          ],
          volumes: volumes(true),
        },
      },
    },
  };
}

export function service(info: ServiceInfo): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(info.name, labels(info, 'api')),
    spec: {
      type: 'ClusterIP',
      selector: selector(info),
      ports: [{ name: HTTP, port: info.port, targetPort: HTTP, protocol: 'TCP' }],
    },
  };
}

/** A voluntary disruption (a node drained) takes at most one pod of the service at a time. */
export function disruptionBudget(info: ServiceInfo): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(info.name, labels(info, 'api')),
    spec: { maxUnavailable: 1, selector: { matchLabels: selector(info) } },
  };
}

/** Opens the service's HTTP port; the namespace's default policy (platform.ts) refuses every other ingress. */
export function httpIngress(info: ServiceInfo): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(`${info.name}-http`, labels(info, 'api')),
    spec: {
      podSelector: { matchLabels: selector(info) },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ port: info.port, protocol: 'TCP' }] }],
    },
  };
}
