import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { join } from 'node:path';
import { isKustomize, loadManifests, type Loaded } from './load';
import { MANIFEST_DIR } from './render';

/** The committed manifests, loaded once per test file, and lookups the deployment tests share. */
export const ROOT = join(__dirname, '../../..');
export const DIR = join(ROOT, MANIFEST_DIR);
export const loaded = loadManifests(DIR);
/** The Kubernetes objects (not the kustomizations). */
export const objects = loaded.filter((l) => !isKustomize(l.object));

export function find<T>(kind: string, name: string): T {
  const found = objects.find((l) => l.object.kind === kind && l.object.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${MANIFEST_DIR}`);
  return found.object as T;
}

export const all = <T>(kind: string, where: (l: Loaded) => boolean = () => true): T[] =>
  objects.filter((l) => l.object.kind === kind && where(l)).map((l) => l.object as T);

export const inExamples = (l: Loaded) => l.file.startsWith('secrets-example/');

/** The one container of a pod (a test fails when there are more). */
export function only(pod: IPodSpec | undefined): IContainer {
  expect(pod?.containers).toHaveLength(1);
  return pod!.containers[0]!;
}
