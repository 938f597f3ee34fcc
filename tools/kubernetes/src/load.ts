import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { committedManifests } from './render';

/** One object of a manifest file, with the file it came from (below deploy/kubernetes). */
export interface Loaded {
  file: string;
  object: { apiVersion: string; kind: string; metadata?: { name?: string } } & Record<string, unknown>;
}

/** Every YAML document under `dir`; a file that does not parse fails with its name and the parser's errors. */
export function loadManifests(dir: string): Loaded[] {
  return committedManifests(dir).flatMap((file) =>
    parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => {
      if ('errors' in doc && doc.errors.length > 0)
        throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return { file, object: doc.toJS() as Loaded['object'] };
    }),
  );
}

export const isKustomize = (o: Loaded['object']) => o.apiVersion.startsWith('kustomize.config.k8s.io/');
