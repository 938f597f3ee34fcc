import type { PipeTransform } from '@nestjs/common';
import { ProblemException } from '../problem/problem';

/** A UUID of any version, in either case: the form PostgreSQL's uuid type takes. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path parameter as a UUID in lower case (as PostgreSQL returns it, so it compares equal to a stored id);
 * anything else is a 400 naming the parameter, never a database error.
 */
export function pathUuid(value: unknown, name = 'id'): string {
  const id = String(value);
  if (!UUID_PATTERN.test(id)) {
    throw ProblemException.validation([{ pointer: `path:${name}`, detail: 'must be a UUID' }]);
  }
  return id.toLowerCase();
}

/** `@Param('id', uuidParam)`: the path id as pathUuid reads it. */
export const uuidParam: PipeTransform<unknown, string> = { transform: (value) => pathUuid(value) };
