import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from '../problem/problem';

/** Keys that reach an object's prototype when a body is merged or spread into another object. */
const POLLUTING = new Set(['__proto__', 'constructor', 'prototype']);

/** The JSON pointer of the first polluting key in a parsed body, or undefined. */
export function pollutingKey(value: unknown, pointer = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (POLLUTING.has(key)) return at;
    const inner = pollutingKey((value as Record<string, unknown>)[key], at);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Strict JSON, the part schemas cannot see: JSON.parse keeps `"__proto__"` as an own key, which a later spread or
 * merge turns into a prototype change. A body with `__proto__`, `constructor` or `prototype` at any depth is 400
 * before any handler runs (unknown fields are refused by each endpoint's strict schema).
 */
export function refusePrototypeKeys(req: Request, res: Response, next: NextFunction): void {
  const at = req.body === undefined ? undefined : pollutingKey(req.body);
  if (!at) return next();
  res
    .status(400)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: PROBLEM_TYPES.validation,
        title: 'The request is not valid',
        status: 400,
        detail: 'the body holds a key that is not allowed',
        errors: [{ pointer: at, detail: 'this key is not allowed in a body' }],
        instance: req.originalUrl.split('?')[0],
      }),
    );
}
