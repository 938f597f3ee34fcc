import { z } from 'zod';
import { ProblemException } from '../problem/problem';
import { ZodValidationPipe } from './zod-validation.pipe';

const schema = z.strictObject({ name: z.string(), age: z.number().int() });

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
  }
  throw new Error('expected a ProblemException');
}

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(schema);

  it('passes a valid body through', () => {
    expect(pipe.transform({ name: 'a', age: 3 })).toEqual({ name: 'a', age: 3 });
  });

  it('names a missing field as required', () => {
    expect(problemOf(() => pipe.transform({ name: 'a' })).errors).toEqual([
      { pointer: '/age', detail: 'required' },
    ]);
  });

  it('names each unknown field', () => {
    expect(problemOf(() => pipe.transform({ name: 'a', age: 1, x: 1, y: 2 })).errors).toEqual([
      { pointer: '/x', detail: 'unknown field' },
      { pointer: '/y', detail: 'unknown field' },
    ]);
  });

  it('never echoes the value it refused', () => {
    const problem = problemOf(() => pipe.transform({ name: '0101901234', age: '0101901234' }));
    expect(JSON.stringify(problem)).not.toContain('0101901234');
  });

  it('reads a missing optional body as {} only when allowed', () => {
    expect(
      new ZodValidationPipe(z.strictObject({}), 'body', { optionalBody: true }).transform(undefined),
    ).toEqual({});
    expect(problemOf(() => new ZodValidationPipe(z.strictObject({})).transform(undefined)).status).toBe(400);
  });

  it('names query parameters as query:<name>', () => {
    const query = new ZodValidationPipe(z.strictObject({ limit: z.coerce.number().int().min(1) }), 'query');
    expect(problemOf(() => query.transform({ limit: '0' })).errors?.[0].pointer).toBe('query:limit');
  });
});
