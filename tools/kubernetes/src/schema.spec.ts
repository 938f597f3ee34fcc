import { TOPIC_REGISTRY } from '@platform/contracts';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { dirname, join } from 'node:path';
import { SERVICES } from '../../services';
import { isKustomize } from './load';
import { DIR, find, inExamples, loaded, objects, ROOT } from './query';

/** The kubernetes-models check runs in a Node process of its own (src/schema-check.ts says why). */
function schemaProblems(items: object[]): string[] {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'schema-check.ts')], {
    cwd: ROOT,
    input: JSON.stringify(items),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return JSON.parse(output) as string[];
}

describe('the Kubernetes manifests', () => {
  it('are valid against the Kubernetes API schemas (kubernetes-models), every object of every file', () => {
    expect(objects.length).toBeGreaterThan(SERVICES.length * 6);
    expect(schemaProblems(objects.map((l) => l.object))).toEqual([]);
  });

  it('fail that check for an invalid object (the check is live)', () => {
    const deployment = find<IDeployment>('Deployment', SERVICES[0]!.name);
    const broken = { ...deployment, spec: { ...deployment.spec, replicas: 'two' } };
    const unknown = { apiVersion: 'v1', kind: 'Servic', metadata: { name: 'typo' } };
    const problems = schemaProblems([broken, unknown]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('spec/replicas must be integer');
    expect(problems[1]).toContain('no schema for v1 Servic');
  });

  it('list only files that exist in their kustomizations, and every workload file in one', () => {
    const listed = new Set<string>();
    for (const { file, object } of loaded.filter((l) => isKustomize(l.object))) {
      for (const entry of object.resources as string[]) {
        const path = join(DIR, dirname(file), entry);
        expect([entry, existsSync(path)]).toEqual([entry, true]);
        listed.add(join(dirname(file), entry));
      }
    }
    for (const file of new Set(objects.filter((l) => !inExamples(l)).map((l) => l.file))) {
      const dir = dirname(file);
      expect([file, listed.has(file) || listed.has(dir)]).toEqual([file, true]);
    }
  });

  it('are explained in docs/deployment.md with every topic and its partitions (consumers scale by them)', () => {
    const doc = readFileSync(join(ROOT, 'docs/deployment.md'), 'utf8');
    for (const topic of TOPIC_REGISTRY)
      expect(doc).toMatch(
        new RegExp(`\\| \`${topic.name.replace(/\./g, '\\.')}\` +\\| ${topic.partitions} +\\|`),
      );
  });
});
