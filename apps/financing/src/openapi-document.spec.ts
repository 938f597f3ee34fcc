import { openApiDocument } from '@platform/kit';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { financingService } from './app.module';

const ROOT = join(__dirname, '../../..');
const COMMITTED = join(ROOT, 'docs/openapi/financing.json');

/**
 * The OpenAPI document is committed (docs/openapi/financing.json) so integrators can read it without running the
 * service. This test builds it from the code (no server, no connections) and fails on drift;
 * `WRITE_OPENAPI=1 npm run jest -- --selectProjects unit --testPathPatterns openapi-document` writes it anew.
 */
describe('the committed OpenAPI document', () => {
  it('is what the code produces', async () => {
    const env = parseEnv(readFileSync(join(ROOT, 'infra/env/demo.env'), 'utf8'));
    const generated = `${JSON.stringify(await openApiDocument(financingService, env), null, 2)}\n`;
    if (process.env.WRITE_OPENAPI === '1') writeFileSync(COMMITTED, generated);
    expect(readFileSync(COMMITTED, 'utf8')).toBe(generated);
  });
});
