import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../../..');
const DOCUMENT = join(ROOT, 'docs/openapi/referrals.json');
/** The generated client types, committed next to the integrator program so it compiles in the repo too. */
const CLIENT = 'apps/referrals/test/integrator/generated/referrals-api';
const INTEGRATOR = 'apps/referrals/test/integrator/integrator.ts';
// Its CLI, as an integrator runs it (its Node API pulls in ES modules jest's CommonJS runtime cannot load).
const OPENAPI_TYPESCRIPT = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js');

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  security?: Record<string, string[]>[];
  components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
  paths: Record<string, Record<string, Operation>>;
}

const document = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as Document;
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);

/**
 * An integrator's view of the committed OpenAPI document (docs/openapi/referrals.json): every operation needs
 * the bearer token and has a usable name, every success has a typed body, and a client generated with
 * `openapi-typescript` compiles a program that creates, submits and reads a referral. `WRITE_OPENAPI=1`
 * rewrites the committed client types along with the document.
 */
describe('a client generated from the committed OpenAPI document', () => {
  let dir: string;
  let client: string;
  let generated: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'referrals-client-'));
    // Generated as .ts (not .d.ts) in the temporary copy so the compiler checks the client itself too.
    client = join(dir, `${CLIENT}.ts`);
    mkdirSync(dirname(client), { recursive: true });
    execFileSync(process.execPath, [OPENAPI_TYPESCRIPT, DOCUMENT, '--output', client], { stdio: 'pipe' });
    generated = readFileSync(client, 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('needs the bearer token on every operation', () => {
    const bearer = (requirements: Record<string, string[]>[] | undefined) =>
      (requirements ?? []).some((r) =>
        Object.keys(r).some((s) => document.components.securitySchemes[s]?.scheme === 'bearer'),
      );
    for (const { name, op } of operations) {
      expect({ name, bearer: bearer(op.security ?? document.security) }).toEqual({ name, bearer: true });
    }
  });

  it('names every operation, uniquely, as a client function would be named', () => {
    const ids = operations.map(({ op }) => op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['createReferral', 'submitReferral', 'getReferral', 'listReferrals']),
    );
  });

  it('gives every success response a JSON body schema', () => {
    for (const { name, op } of operations) {
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => s.startsWith('2'))) {
        const schema = response.content?.['application/json']?.schema;
        expect({ name, status, schema: schema !== undefined }).toEqual({ name, status, schema: true });
      }
    }
  });

  it('is the committed client', () => {
    const committed = join(ROOT, `${CLIENT}.d.ts`);
    if (process.env.WRITE_OPENAPI === '1') writeFileSync(committed, generated);
    expect(readFileSync(committed, 'utf8')).toBe(generated);
  });

  it('compiles the integrator program without a diagnostic', () => {
    // The same layout as in the repo, so the integrator's relative import finds the freshly generated client.
    const integrator = join(dir, INTEGRATOR);
    mkdirSync(dirname(integrator), { recursive: true });
    writeFileSync(integrator, readFileSync(join(ROOT, INTEGRATOR), 'utf8'));
    const program = ts.createProgram([integrator, client], {
      strict: true,
      noEmit: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      // An integrator's own project: the DOM's fetch, no @types from this repo.
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  });
});
