import { loadKitConfig } from '@platform/kit';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseEnv } from 'node:util';
import { SERVICES, type ServiceInfo } from '../../services';
import { MIGRATE_COMMAND } from './migration-job';
import { all, find, inExamples, only, ROOT } from './query';
import { IMAGE, PLACEHOLDER, PLATFORM_CONFIG } from './settings';

const envValue = (c: IContainer, name: string) => c.env?.find((e) => e.name === name)?.value;

describe('the deployment of every service of tools/services.ts', () => {
  describe.each(SERVICES.map((s) => [s.name, s] as const))('for %s', (name, info: ServiceInfo) => {
    const deployment = find<IDeployment>('Deployment', name);
    const pod = deployment.spec?.template.spec;
    const api = only(pod);

    it('runs the service from the image, non-root, read-only, with requests and limits', () => {
      expect(api.image).toBe(IMAGE);
      expect(api.command).toEqual(['node', `dist/apps/${name}/src/main.js`]);
      expect(existsSync(join(ROOT, 'apps', name, 'src', 'main.ts'))).toBe(true);
      expect(pod?.securityContext?.runAsNonRoot).toBe(true);
      expect(api.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
      expect(api.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(api.resources?.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(deployment.spec?.replicas).toBeGreaterThanOrEqual(2);
    });

    it('listens on its port on every interface and probes /health/live and /health/ready there', () => {
      expect(api.ports).toEqual([{ name: 'http', containerPort: info.port, protocol: 'TCP' }]);
      expect(envValue(api, 'PORT')).toBe(String(info.port));
      expect(envValue(api, 'HOST')).toBe('0.0.0.0');
      expect(api.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(api.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(api.startupProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
    });

    it('has a Service, a PodDisruptionBudget and a NetworkPolicy that select its pods', () => {
      const labels = deployment.spec?.template.metadata?.labels ?? {};
      const selects = (selector: Record<string, string> | undefined) =>
        Object.entries(selector ?? { none: 'none' }).every(([k, v]) => labels[k] === v);
      const svc = find<IService>('Service', name);
      expect(selects(svc.spec?.selector)).toBe(true);
      expect(svc.spec?.ports).toEqual([
        { name: 'http', port: info.port, targetPort: 'http', protocol: 'TCP' },
      ]);
      expect(
        selects(find<IPodDisruptionBudget>('PodDisruptionBudget', name).spec?.selector?.matchLabels),
      ).toBe(true);
      const policy = find<INetworkPolicy>('NetworkPolicy', `${name}-http`);
      expect(selects(policy.spec?.podSelector?.matchLabels)).toBe(true);
      expect(policy.spec?.ingress).toEqual([{ ports: [{ port: info.port, protocol: 'TCP' }] }]);
    });

    it('has a migration Job running tools/migrate.ts for it as the schema owner', () => {
      const job = find<IJob>('Job', `${name}-migrate`);
      const migrate = only(job.spec?.template.spec);
      expect(migrate.image).toBe(IMAGE);
      expect(migrate.command).toEqual([...MIGRATE_COMMAND, name]);
      expect(existsSync(join(ROOT, 'tools/migrate.ts'))).toBe(true);
      expect(migrate.env).toEqual([
        {
          name: info.databaseEnv,
          valueFrom: { secretKeyRef: { name: `${name}-migrations`, key: info.databaseEnv } },
        },
      ]);
      expect(migrate.securityContext?.readOnlyRootFilesystem).toBe(true);
    });

    it('passes the kit’s production configuration and guardrails with its ConfigMap and Secrets', () => {
      const config = find<IConfigMap>('ConfigMap', PLATFORM_CONFIG);
      expect(api.envFrom).toEqual([{ configMapRef: { name: PLATFORM_CONFIG } }]);
      const caFile = config.data!.KAFKA_SSL_CA_FILE!;
      const mount = api.volumeMounts?.find((m) => m.mountPath === dirname(caFile));
      const volume = pod?.volumes?.find((v) => v.name === mount?.name);
      expect(volume?.secret?.items).toEqual([{ key: 'ca.crt', path: 'ca.crt' }]);
      expect(volume?.secret?.optional).toBeUndefined();
      const database = info.databaseEnv.replace(/_DATABASE_URL$/, '').toLowerCase();
      // each secret by its key: a database URL with the service's own role, any other a 32-byte key
      const secret = (key: string) =>
        key.endsWith('_DATABASE_URL')
          ? `postgresql://${database}_app:pw@db.example.internal/${database}`
          : 'ab'.repeat(32);
      const env: Record<string, string> = { ...config.data };
      for (const e of api.env ?? []) env[e.name] = e.value ?? secret(e.valueFrom!.secretKeyRef!.key);
      const dir = mkdtempSync(join(tmpdir(), 'kubernetes-ca-'));
      try {
        env.KAFKA_SSL_CA_FILE = join(dir, 'ca.crt');
        writeFileSync(env.KAFKA_SSL_CA_FILE, 'PEM');
        const kit = loadKitConfig(name, info.port, env);
        expect(kit).toMatchObject({ production: true, port: info.port, consumerGroup: name });
        expect(kit.kafka.sasl).toMatchObject({ username: name });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('have an example for every Secret a pod uses, and every example value is a marked placeholder', () => {
    const examples = all<ISecret>('Secret', inExamples);
    const keysOf = new Map(examples.map((s) => [s.metadata!.name!, Object.keys(s.stringData ?? {})]));
    const pods = [...all<IDeployment>('Deployment'), ...all<IJob>('Job')].map((w) => w.spec!.template.spec!);
    for (const pod of pods) {
      for (const ref of pod.containers.flatMap((c) => c.env ?? []).map((e) => e.valueFrom?.secretKeyRef))
        if (ref)
          expect([ref.name, keysOf.get(ref.name!)]).toEqual([ref.name, expect.arrayContaining([ref.key])]);
      for (const volume of pod.volumes ?? [])
        if (volume.secret) expect(keysOf.has(volume.secret.secretName!)).toBe(true);
    }
    for (const example of examples) {
      expect(example.data).toBeUndefined();
      for (const [key, value] of Object.entries(example.stringData ?? {}))
        expect([example.metadata?.name, key, value.includes(PLACEHOLDER)]).toEqual([
          example.metadata?.name,
          key,
          true,
        ]);
    }
    expect(all<ISecret>('Secret', (l) => !inExamples(l))).toEqual([]);
  });

  it('give some service every secret the local stack gives the services (infra/env/demo.env)', () => {
    const demo = parseEnv(readFileSync(join(ROOT, 'infra/env/demo.env'), 'utf8'));
    // tools/stack's Kafka super user and the local test principal are no service's
    const forServices = Object.keys(demo).filter(
      (k) => !['KAFKA_ADMIN_PASSWORD', 'PLATFORM_TESTS_KAFKA_PASSWORD'].includes(k),
    );
    const given = new Set([
      ...Object.keys(find<IConfigMap>('ConfigMap', PLATFORM_CONFIG).data ?? {}),
      ...all<IDeployment>('Deployment').flatMap((d) =>
        (only(d.spec?.template.spec).env ?? []).map((e) => e.name),
      ),
    ]);
    expect(forServices.filter((k) => !given.has(k))).toEqual([]);
  });
});
