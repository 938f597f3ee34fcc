import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SERVICES, type ServiceInfo } from '../../services';
import { committedManifests, MANIFEST_DIR, renderManifests } from './render';

const ROOT = join(__dirname, '../../..');
const DIR = join(ROOT, MANIFEST_DIR);

/**
 * The manifests under deploy/kubernetes are committed, generated from tools/services.ts. This test renders
 * them and fails on drift (a hand edit, a new service, a changed generator); `WRITE_KUBERNETES=1 npm run jest --
 * --selectProjects unit --testPathPatterns tools/kubernetes` writes them anew (as npx tsx
 * tools/kubernetes/generate.ts does).
 */
describe('the committed Kubernetes manifests', () => {
  it('are what the generator produces, file by file, and nothing else', () => {
    const rendered = renderManifests();
    if (process.env.WRITE_KUBERNETES === '1') {
      for (const path of committedManifests(DIR)) if (!rendered.has(path)) rmSync(join(DIR, path));
      for (const [path, text] of rendered) {
        mkdirSync(dirname(join(DIR, path)), { recursive: true });
        writeFileSync(join(DIR, path), text);
      }
    }
    expect(committedManifests(DIR)).toEqual([...rendered.keys()].sort());
    for (const [path, text] of rendered)
      expect([path, readFileSync(join(DIR, path), 'utf8')]).toEqual([path, text]);
  });

  it('give a service added to tools/services.ts its workload, migration Job and example Secrets', () => {
    const added: ServiceInfo = {
      name: 'added-service',
      port: 3099,
      databaseEnv: 'ADDED_SERVICE_DATABASE_URL',
      defaultDatabaseUrl: 'postgresql://postgres@127.0.0.1:5432/added_service',
      prismaDir: 'apps/added-service/prisma',
    };
    const rendered = renderManifests([...SERVICES, added]);
    for (const path of ['services', 'migrations', 'secrets-example'].map((d) => `${d}/added-service.yaml`))
      expect(rendered.has(path)).toBe(true);
    expect(rendered.get('kustomization.yaml')).toContain('services/added-service.yaml');
    expect(rendered.get('migrations/kustomization.yaml')).toContain('- added-service.yaml');
    expect(rendered.get('services/added-service.yaml')).toContain('dist/apps/added-service/src/main.js');
  });
});
