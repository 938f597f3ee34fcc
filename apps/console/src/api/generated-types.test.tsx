// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..', '..');
const SERVICES = ['referrals', 'specialty-planning', 'knowledge', 'financing', 'audit'];

/** The console's API types are generated from the committed OpenAPI documents (the contract): never stale. */
describe('generated API types', () => {
  it.each(SERVICES)(
    'match docs/openapi/%s.json (npx openapi-typescript docs/openapi/<s>.json -o apps/console/src/api/generated/<s>.ts)',
    async (service) => {
      const document = JSON.parse(
        readFileSync(join(root, 'docs', 'openapi', `${service}.json`), 'utf8'),
      ) as OpenAPI3;
      const expected = astToString(await openapiTS(document));
      const committed = readFileSync(join(__dirname, 'generated', `${service}.ts`), 'utf8');
      expect(committed.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim()).toBe(expected.trim());
    },
  );
});
