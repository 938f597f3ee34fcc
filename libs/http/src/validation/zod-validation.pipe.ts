import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ProblemException, ProblemFieldError } from '../problem/problem';

/**
 * Validates a body or query with a zod schema. Errors name the field (JSON pointer) and the rule it broke,
 * never the value that was sent: a value may be a CPR number.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly location: 'body' | 'query' = 'body',
    /** A command without parameters may be sent without a body; it is then read as `{}`. */
    private readonly options: { optionalBody?: boolean } = {},
  ) {}

  transform(value: unknown): z.infer<S> {
    if (value === undefined && this.options.optionalBody) value = {};
    if (this.location === 'body' && (value === undefined || value === null || typeof value !== 'object')) {
      throw ProblemException.validation([{ pointer: '', detail: 'a JSON object body is required' }]);
    }
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw ProblemException.validation(toFieldErrors(result.error.issues, this.location));
  }
}

export function toFieldErrors(issues: z.core.$ZodIssue[], location: 'body' | 'query'): ProblemFieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        pointer: pointer([...base, key], location),
        detail: 'unknown field',
      }));
    }
    return [{ pointer: pointer(base, location), detail: describe(issue) }];
  });
}

function pointer(path: string[], location: 'body' | 'query'): string {
  if (location === 'query') return `query:${path.join('.')}`;
  return path.map((p) => '/' + p.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return issue.message;
}

// The shared field rules go out with the pipe that applies them (the package index lists this file).
export { containsCprNumber, freeText } from './free-text';
