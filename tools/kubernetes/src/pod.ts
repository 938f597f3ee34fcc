import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import type { ServiceInfo } from '../../services';
import { CA_KEY, IMAGE, KAFKA_CA, NAMESPACE, NODE_UID, PART_OF, POSTGRES_CA } from './settings';

/** What every object of one service carries; `component` tells the API pods from the migration Job's. */
export function labels(service: ServiceInfo, component: 'api' | 'migration'): Record<string, string> {
  return {
    'app.kubernetes.io/name': service.name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': PART_OF,
  };
}

/** The labels a Deployment, Service, PodDisruptionBudget and NetworkPolicy select the API pods by. */
export function selector(service: ServiceInfo): Record<string, string> {
  const { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': component } = labels(service, 'api');
  return { 'app.kubernetes.io/name': name!, 'app.kubernetes.io/component': component! };
}

export function metadata(name: string, objectLabels: Record<string, string>) {
  return { name, namespace: NAMESPACE, labels: objectLabels };
}

/** Non-root (the image's user `node`), no privilege escalation, no Linux capabilities, the default seccomp. */
export const POD_SECURITY: IPodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: NODE_UID,
  runAsGroup: NODE_UID,
  seccompProfile: { type: 'RuntimeDefault' },
};
export const CONTAINER_SECURITY: ISecurityContext = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
};

/**
 * The certificate authorities (Kafka's required; PostgreSQL's optional, for a server whose certificate a
 * public CA does not sign) and a small writable /tmp, since the root filesystem is read-only.
 */
export function volumes(kafka: boolean): IVolume[] {
  return [
    ...(kafka
      ? [{ name: KAFKA_CA, secret: { secretName: KAFKA_CA, items: [{ key: CA_KEY, path: CA_KEY }] } }]
      : []),
    {
      name: POSTGRES_CA,
      secret: { secretName: POSTGRES_CA, items: [{ key: CA_KEY, path: CA_KEY }], optional: true },
    },
    { name: 'tmp', emptyDir: { sizeLimit: '16Mi' } },
  ];
}

export function volumeMounts(kafka: boolean): IVolumeMount[] {
  return volumes(kafka).map((v) =>
    v.name === 'tmp'
      ? { name: v.name, mountPath: '/tmp' }
      : { name: v.name, mountPath: `/etc/platform/${v.name}`, readOnly: true },
  );
}

/**
 * A container of the one image (the Deployment's and the migration Job's): what it runs (`specific`), then its
 * security and mounts, alike for both.
 */
export function container(name: string, kafka: boolean, specific: Omit<IContainer, 'name'>): IContainer {
  return {
    name,
    image: IMAGE,
    imagePullPolicy: 'IfNotPresent',
    workingDir: '/app',
    ...specific,
    securityContext: CONTAINER_SECURITY,
    volumeMounts: volumeMounts(kafka),
  };
}
