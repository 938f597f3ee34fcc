/**
 * Checks Kubernetes objects against the API's schemas with the npm package kubernetes-models, in a process of
 * its own: the package is ES modules only (exports with an `import` condition alone), which Jest's CommonJS
 * runtime cannot load without --experimental-vm-modules, while Node 24 imports it as it is.
 *   stdin: a JSON array of objects; stdout: a JSON array of problems (`<kind>/<name>: <message>`), empty when
 *   every object is valid.
 */
import { readFileSync } from 'node:fs';

interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
}
interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: object): { validate(): void };
}

/** The model class of an object's apiVersion and kind: `apps/v1` → kubernetes-models/apps/v1, export Deployment. */
async function modelOf(object: KubernetesObject): Promise<ModelClass | string> {
  if (!object.apiVersion || !object.kind) return 'has no apiVersion or kind';
  let group: Record<string, unknown>;
  try {
    group = (await import(`kubernetes-models/${object.apiVersion}`)) as Record<string, unknown>;
  } catch {
    return `no schemas for apiVersion ${object.apiVersion}`;
  }
  const model = group[object.kind] as ModelClass | undefined;
  if (model?.apiVersion !== object.apiVersion || model.kind !== object.kind)
    return `no schema for ${object.apiVersion} ${object.kind}`;
  return model;
}

async function problemsOf(objects: KubernetesObject[]): Promise<string[]> {
  const problems: string[] = [];
  for (const object of objects) {
    const name = `${object.kind ?? '?'}/${object.metadata?.name ?? '?'}`;
    const model = await modelOf(object);
    if (typeof model === 'string') {
      problems.push(`${name}: ${model}`);
      continue;
    }
    try {
      new model(object).validate();
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

problemsOf(JSON.parse(readFileSync(0, 'utf8')) as KubernetesObject[]).then(
  (problems) => process.stdout.write(JSON.stringify(problems)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
