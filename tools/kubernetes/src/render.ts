import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, isScalar } from 'yaml';
import { SERVICES, type ServiceInfo } from '../../services';
import { manifestFiles, type Part } from './layout';

export { MANIFEST_DIR } from './layout';

const REGENERATE = 'npx tsx tools/kubernetes/generate.ts';

function documentOf({ object, dataComments }: Part): string {
  const doc = new Document(object);
  const data = doc.get('data', true);
  if (dataComments && isMap(data)) {
    for (const pair of data.items) {
      if (isScalar(pair.key)) pair.key.commentBefore = ` ${dataComments[String(pair.key.value)]}`;
    }
  }
  // single quotes, no folding, sequences indented: the text prettier would write, so `prettier --check` passes
  return doc.toString({ lineWidth: 0, singleQuote: true, indentSeq: true });
}

const header = (about: string) =>
  [
    ...about.split('\n'),
    `Generated from tools/services.ts by ${REGENERATE}: change the generator, not this file.`,
  ]
    .map((line) => `# ${line}`)
    .join('\n');

/** The manifests as text, by path below deploy/kubernetes. */
export function renderManifests(services: readonly ServiceInfo[] = SERVICES): Map<string, string> {
  return new Map(
    Object.entries(manifestFiles(services)).map(([path, { about, parts }]) => [
      path,
      `${header(about)}\n${parts.map(documentOf).join('---\n')}`,
    ]),
  );
}

/** The YAML files under `dir` (paths below it), sorted; none when it does not exist. */
export function committedManifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.yaml') && statSync(join(dir, path)).isFile())
    .sort();
}
