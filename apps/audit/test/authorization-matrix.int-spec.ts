import {
  getToken,
  startServiceProcess,
  TEST_IDENTITIES,
  type IdentityName,
  type ServiceProcess,
} from '@platform/testing';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCESS_TABLE, ANY_IDENTITY } from './support/access-table';
import { badTokens, type BadTokenName } from './support/bad-tokens';

/**
 * Every endpoint of every service (from the committed OpenAPI documents, docs/openapi/*.json, so a new
 * endpoint cannot be left out) against every test identity of the realm and five bad tokens. The expected
 * outcome of each pair is one row of support/access-table.ts: the identities the access guard lets through.
 * "Allowed" means the guard let the call through (any answer but 401 and 403: a random id then gives 404, an
 * empty body 400); record scope (own municipality…) is proven by each service's own tests.
 *
 * AUTH_MATRIX_WRITE=1 writes the table as the services answer now, to review before committing it.
 */
const ROOT = join(__dirname, '../../..');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

interface Endpoint {
  service: string;
  method: Method;
  path: string;
  key: string;
}

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { format?: string; example?: unknown; type?: string };
}

function endpoints(): Endpoint[] {
  const dir = join(ROOT, 'docs/openapi');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const service = file.replace(/\.json$/, '');
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
      };
      return Object.entries(doc.paths).flatMap(([path, operations]) =>
        METHODS.filter((m) => operations[m]).map((method) => ({
          service,
          method,
          path: concrete(path, operations[method]!.parameters ?? []),
          key: `${service} ${method.toUpperCase()} ${path}`,
        })),
      );
    });
}

/** A path with a well-formed value in each parameter: the guard runs before any lookup. */
function concrete(path: string, parameters: OpenApiParameter[]): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const schema = parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
    if (schema.format === 'uuid' || /id$/i.test(name)) return randomUUID();
    if (name === 'pseudonym') return 'ab'.repeat(32);
    if (typeof schema.example === 'string') return schema.example;
    if (name === 'targetGroup') return 'VISION';
    if (schema.type === 'number' || schema.type === 'integer') return name === 'year' ? '2026' : '1';
    return 'x';
  });
}

const IDENTITIES = (Object.keys(TEST_IDENTITIES) as IdentityName[]).filter(
  (name) => TEST_IDENTITIES[name].realm === 'social' && name !== 'short-lived-test',
);

const expectedAllowed = (key: string, identity: IdentityName) => {
  const row = ACCESS_TABLE[key];
  return row === ANY_IDENTITY || (row ?? []).includes(identity);
};

describe('the authorization matrix: every endpoint × every identity and bad token', () => {
  const services = new Map<string, ServiceProcess>();
  const all = endpoints();
  const results = new Map<string, Map<string, number>>(); // endpoint key → caller → status

  beforeAll(async () => {
    const names = [...new Set(all.map((e) => e.service))];
    for (const name of names) services.set(name, await startServiceProcess(name));
  }, 300_000);
  afterAll(async () => {
    await Promise.all([...services.values()].map((s) => s.stop()));
  });

  it('declares an expected row for every endpoint of every OpenAPI document, and none for a gone one', () => {
    const keys = new Set(all.map((e) => e.key));
    expect(all.length).toBeGreaterThan(50);
    if (process.env.AUTH_MATRIX_WRITE === '1') return;
    expect(all.filter((e) => !(e.key in ACCESS_TABLE)).map((e) => e.key)).toEqual([]);
    expect(Object.keys(ACCESS_TABLE).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('calls each endpoint as each caller', async () => {
    const tokens: Record<string, string | undefined> = { ...(await badTokens()) };
    for (const identity of IDENTITIES) tokens[identity] = await getToken(identity);
    for (const endpoint of all) {
      const http = services.get(endpoint.service)!.http;
      const statuses = await Promise.all(
        Object.entries(tokens).map(async ([caller, token]) => {
          let call = http()[endpoint.method](endpoint.path).set('X-Request-Id', `matrix-${randomUUID()}`);
          if (token !== undefined) call = call.auth(token, { type: 'bearer' });
          if (endpoint.method !== 'get' && endpoint.method !== 'delete') call = call.send({});
          return [caller, (await call).status] as const;
        }),
      );
      results.set(endpoint.key, new Map(statuses));
    }
    expect(results.size).toBe(all.length);
  }, 600_000);

  it('refuses every bad token with 401 on every endpoint', () => {
    const bad: BadTokenName[] = ['no token', 'expired', 'foreign key', 'other realm', 'alg none'];
    const wrong = all.flatMap((e) =>
      bad
        .filter((b) => results.get(e.key)!.get(b) !== 401)
        .map((b) => `${e.key} ← ${b}: ${results.get(e.key)!.get(b)}`),
    );
    expect(wrong).toEqual([]);
  });

  it('lets no identity through where the table says no (and refuses none where it says yes)', () => {
    const passed = (status: number) => status !== 401 && status !== 403;
    if (process.env.AUTH_MATRIX_WRITE === '1') writeTable(all, results, passed);
    const unexpectedAllows: string[] = [];
    const unexpectedDenials: string[] = [];
    const perIdentity = new Map(IDENTITIES.map((i) => [i, { allowed: 0, denied: 0 }]));
    for (const endpoint of all) {
      for (const identity of IDENTITIES) {
        const status = results.get(endpoint.key)!.get(identity)!;
        const counts = perIdentity.get(identity)!;
        if (passed(status)) counts.allowed += 1;
        else counts.denied += 1;
        const expected = expectedAllowed(endpoint.key, identity);
        if (passed(status) && !expected) unexpectedAllows.push(`${endpoint.key} ← ${identity}: ${status}`);
        if (!passed(status) && expected) unexpectedDenials.push(`${endpoint.key} ← ${identity}: ${status}`);
      }
    }
    const services = [...new Set(all.map((e) => e.service))];
    const lines = [
      `authorization matrix: ${IDENTITIES.length} identities + 5 bad tokens × ${all.length} endpoints of ${services.length} services (${services.join(', ')})`,
      ...[...perIdentity].map(
        ([identity, c]) =>
          `  ${identity.padEnd(20)} allowed ${String(c.allowed).padStart(3)}  denied ${String(c.denied).padStart(3)}`,
      ),
      `  bad tokens (no token, expired, foreign key, other realm, alg none): 401 on all ${all.length} endpoints each`,
      `  unexpected allows: ${unexpectedAllows.length}, unexpected denials: ${unexpectedDenials.length}`,
    ];
    console.log(lines.join('\n'));
    expect(unexpectedAllows).toEqual([]);
    expect(unexpectedDenials).toEqual([]);
  });

  it('never lets the state reach a referral or a CPR number (pseudonymised statistics only)', () => {
    const state = IDENTITIES.filter((i) => TEST_IDENTITIES[i].orgType === 'state');
    const reached = all
      .filter((e) => e.service === 'referrals')
      .flatMap((e) =>
        state.filter((i) => ![401, 403].includes(results.get(e.key)!.get(i)!)).map((i) => `${e.key} ← ${i}`),
      );
    expect(reached).toEqual([]);
  });

  it('keeps the audit ledger to the state auditor, as the architecture says', () => {
    for (const endpoint of all.filter(
      (e) => e.key.startsWith('audit ') && e.path.startsWith('/api/v1/audit/'),
    )) {
      const through = IDENTITIES.filter((i) => ![401, 403].includes(results.get(endpoint.key)!.get(i)!));
      expect({ endpoint: endpoint.key, through }).toEqual({
        endpoint: endpoint.key,
        through: ['auditor-state'],
      });
    }
  });
});

/** Writes support/access-table.ts from what the services answered (AUTH_MATRIX_WRITE=1), for review. */
function writeTable(
  all: Endpoint[],
  results: Map<string, Map<string, number>>,
  passed: (s: number) => boolean,
) {
  const rows = all.map((e) => {
    const through = IDENTITIES.filter((i) => passed(results.get(e.key)!.get(i)!));
    const value =
      through.length === IDENTITIES.length ? 'ANY_IDENTITY' : `[${through.map((i) => `'${i}'`).join(', ')}]`;
    return `  '${e.key}': ${value},`;
  });
  const file = join(__dirname, 'support/access-table.ts');
  const head = readFileSync(file, 'utf8').split('// table:')[0];
  writeFileSync(
    file,
    `${head}// table:\nexport const ACCESS_TABLE: Record<string, AccessRow> = {\n${rows.join('\n')}\n};\n`,
  );
}
