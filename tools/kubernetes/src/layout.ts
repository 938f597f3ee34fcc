import type { ServiceInfo } from '../../services';
import { migrationJob } from './migration-job';
import { denyIngress, namespace, platformConfig, PLATFORM_SETTINGS } from './platform';
import { authoritySecrets, serviceSecrets } from './secrets';
import { PLACEHOLDER } from './settings';
import { deployment, disruptionBudget, httpIngress, service } from './workload';

/** Where the manifests live, from the repository root. */
export const MANIFEST_DIR = 'deploy/kubernetes';

/** One YAML document, with comments for the keys of its `data` (the ConfigMap's settings). */
export interface Part {
  object: object;
  dataComments?: Record<string, string>;
}
/** A file: what it holds and how to use it (its header comment), and its documents. */
export interface ManifestFile {
  about: string;
  parts: Part[];
}

const KUSTOMIZE = 'kustomize.config.k8s.io';
const kustomization = (fields: Record<string, unknown>): Part => ({
  object: { apiVersion: `${KUSTOMIZE}/v1beta1`, kind: 'Kustomization', ...fields },
});
const serviceFile = (s: ServiceInfo) => `${s.name}.yaml`;
const each = (objects: object[]) => objects.map((object) => ({ object }));
const EXAMPLE = 'EXAMPLE ONLY, no kustomization applies it';

/**
 * The shared files: two entry points (the services; the migrations, applied first) and the base both include.
 * The image is `social-platform` everywhere; an operator's overlay maps it to a registry and tag (`images:`).
 */
function platformFiles(services: readonly ServiceInfo[]): Record<string, ManifestFile> {
  return {
    'kustomization.yaml': {
      about: `The services, once the migration Jobs have completed: kubectl apply -k ${MANIFEST_DIR}`,
      parts: [kustomization({ resources: ['base', ...services.map((s) => `services/${serviceFile(s)}`)] })],
    },
    'migrations/kustomization.yaml': {
      about: `The migration Jobs, one per service: kubectl apply -k ${MANIFEST_DIR}/migrations, then wait until
they have completed before applying the services (docs/deployment.md).`,
      parts: [kustomization({ resources: ['../base', ...services.map(serviceFile)] })],
    },
    'base/kustomization.yaml': {
      about: 'What the services and the migrations share: namespace, settings, the default network policy.',
      parts: [
        kustomization({ resources: ['namespace.yaml', 'platform-config.yaml', 'network-policy.yaml'] }),
      ],
    },
    'base/namespace.yaml': { about: 'The platform’s namespace.', parts: each([namespace()]) },
    'base/platform-config.yaml': {
      about: `Settings every service reads (libs/kit). Replace each ${PLACEHOLDER} value with your own.`,
      parts: [
        {
          object: platformConfig(),
          dataComments: Object.fromEntries(Object.entries(PLATFORM_SETTINGS).map(([k, s]) => [k, s.why])),
        },
      ],
    },
    'base/network-policy.yaml': {
      about: 'Refuses all ingress in the namespace; each service opens its HTTP port (services/<name>.yaml).',
      parts: each([denyIngress()]),
    },
    'secrets-example/certificate-authorities.yaml': {
      about: `${EXAMPLE}: copy, put the CA certificates in, apply with kubectl apply -f (or create
them from your secret store).`,
      parts: each(authoritySecrets()),
    },
  };
}

/** A service's files: its workload, its migration Job, its example Secrets. */
function serviceFiles(s: ServiceInfo): Record<string, ManifestFile> {
  return {
    [`services/${serviceFile(s)}`]: {
      about: `The ${s.name} service: Deployment, Service, PodDisruptionBudget, NetworkPolicy (its HTTP port).`,
      parts: each([deployment(s), service(s), disruptionBudget(s), httpIngress(s)]),
    },
    [`migrations/${serviceFile(s)}`]: {
      about: `The ${s.name} migrations (tools/migrate.ts), as the role that owns its schema.`,
      parts: each([migrationJob(s)]),
    },
    [`secrets-example/${serviceFile(s)}`]: {
      about: `${EXAMPLE}: the ${s.name} secrets. Copy, replace every ${PLACEHOLDER} value, apply
with kubectl apply -f (or create the same keys from your secret store). Never commit real values.`,
      parts: each(serviceSecrets(s)),
    },
  };
}

/** Every file under deploy/kubernetes, by path below it. */
export function manifestFiles(services: readonly ServiceInfo[]): Record<string, ManifestFile> {
  return Object.assign(platformFiles(services), ...services.map(serviceFiles)) as Record<
    string,
    ManifestFile
  >;
}
