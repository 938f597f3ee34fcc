import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { ServiceInfo } from '../../services';
import { container, labels, metadata, POD_SECURITY, volumes } from './pod';
import { migrationSecret, MIGRATION_RESOURCES } from './settings';

/** The runner of tools/migrate.ts as the image holds it (compiled by tools/build.ts into dist/). */
export const MIGRATE_COMMAND = ['node', 'dist/tools/migrate.js'];

export const migrationJobName = (info: ServiceInfo) => `${info.name}-migrate`;

/**
 * Applies the service's migrations (its own and the platform's, tools/migrate.ts) before its pods start. The
 * runner takes an advisory lock and skips what is applied, so a rerun or a second Job is harmless. It connects
 * as the role that owns the schema (`<service>-migrations`), not as the service's login role: the service's
 * role needs no DDL, and the audit service's may only INSERT and SELECT on the ledger.
 */
export function migrationJob(info: ServiceInfo): IJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: metadata(migrationJobName(info), labels(info, 'migration')),
    spec: {
      backoffLimit: 3,
      activeDeadlineSeconds: 600,
      // gone a day after it finished; a new release deletes it first (Jobs cannot be changed, docs/deployment.md)
      ttlSecondsAfterFinished: 86_400,
      template: {
        metadata: { labels: labels(info, 'migration') },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          securityContext: POD_SECURITY,
          containers: [
            container('migrate', false, {
              command: [...MIGRATE_COMMAND, info.name],
              env: [
                {
                  name: info.databaseEnv,
                  valueFrom: { secretKeyRef: { name: migrationSecret(info.name), key: info.databaseEnv } },
                },
              ],
              resources: MIGRATION_RESOURCES,
            }),
          ],
          volumes: volumes(false),
        },
      },
    },
  };
}
