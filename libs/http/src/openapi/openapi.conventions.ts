import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { problemResponseObject } from '../problem/problem-responses.decorator';
import { headerRef, RESPONSE_HEADERS, type ResponseHeader } from './openapi.headers';
import { namedComponentSchemas } from './named-schemas';

interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { name?: string; in?: string }[];
  responses: Record<string, { headers?: Record<string, unknown> } & Record<string, unknown>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/**
 * What every operation of every service documents the same way, applied to the built document:
 * - unique operation ids (a generated client names its functions by them);
 * - `security: []` on public routes (the rest inherit the document-level bearer requirement);
 * - `X-Request-Id` on every response (the request-context middleware sets it on all of them);
 * - on operations taking `Idempotency-Key`: `Idempotent-Replayed` on success and the 409/422 key conflicts;
 * - the named schemas and headers the operations `$ref`, and nothing unreferenced.
 */
export function applyOpenApiConventions(
  document: OpenAPIObject,
  fixed: { schemas: Record<string, unknown>; publicOperationIds: ReadonlySet<string> },
): void {
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const name = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) throw new Error(`OpenAPI: ${name} has no operationId`);
      if (seen.has(op.operationId)) throw new Error(`OpenAPI: operationId ${op.operationId} is used twice`);
      seen.add(op.operationId);
      if (fixed.publicOperationIds.has(op.operationId)) op.security = [];
      if (op.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')) idempotent(op);
      for (const response of Object.values(op.responses)) addHeader(response, 'X-Request-Id');
    }
  }
  const schemas = reachableSchemas(document, { ...fixed.schemas, ...namedComponentSchemas() });
  const refs = refsIn(document.paths);
  const headers = (Object.keys(RESPONSE_HEADERS) as ResponseHeader[]).filter((h) => refs.has(`headers/${h}`));
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...schemas },
    headers: Object.fromEntries(headers.map((h) => [h, RESPONSE_HEADERS[h]])),
  };
}

function idempotent(op: Operation): void {
  for (const [status, response] of Object.entries(op.responses)) {
    if (status.startsWith('2')) addHeader(response, 'Idempotent-Replayed');
  }
  op.responses['409'] ??= problemResponseObject(
    409,
    'A request with this Idempotency-Key is still being processed',
  );
  op.responses['422'] ??= problemResponseObject(422);
  op.responses = Object.fromEntries(Object.entries(op.responses).sort(([a], [b]) => a.localeCompare(b)));
}

function addHeader(response: { headers?: Record<string, unknown> }, header: ResponseHeader): void {
  response.headers = { ...response.headers, [header]: response.headers?.[header] ?? headerRef(header) };
}

/** The schemas the document refers to, directly or through other schemas; an unknown reference is an error. */
function reachableSchemas(
  document: OpenAPIObject,
  known: Record<string, unknown>,
): Record<string, SchemaObject> {
  const found: Record<string, SchemaObject> = {};
  const pending = [...refsIn(document.paths)];
  while (pending.length) {
    const ref = pending.pop()!;
    if (!ref.startsWith('schemas/')) continue;
    const name = ref.slice('schemas/'.length);
    if (name in found) continue;
    if (!(name in known)) throw new Error(`OpenAPI: #/components/${ref} is referred to but not defined`);
    found[name] = known[name] as SchemaObject;
    pending.push(...refsIn(known[name]));
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

/** Every `#/components/<kind>/<name>` reference in a JSON value, as `<kind>/<name>`. */
function refsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith('#/components/')) {
        into.add(v.slice('#/components/'.length));
      } else refsIn(v, into);
    }
  }
  return into;
}
