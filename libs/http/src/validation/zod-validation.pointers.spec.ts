import { z } from 'zod';
import { ProblemException } from '../problem/problem';
import { ZodValidationPipe } from './zod-validation.pipe';

// errors[] is what an integrator's client reads to mark fields: one entry per broken field, as a JSON pointer
// (RFC 6901) into the body, so nested objects, arrays and odd key names must each come out right.
const Order = z.strictObject({
  name: z.string().min(1),
  address: z.strictObject({ postcode: z.string().regex(/^\d{4}$/), city: z.string() }),
  lines: z.array(z.strictObject({ quantity: z.number().int().positive() })),
  tags: z.record(z.string(), z.number()).optional(),
});

function errorsOf(value: unknown, pipe: ZodValidationPipe<z.ZodType> = new ZodValidationPipe(Order)) {
  try {
    pipe.transform(value);
  } catch (error) {
    if (error instanceof ProblemException) return { problem: error.problem, errors: error.problem.errors };
    throw error;
  }
  throw new Error('expected a ProblemException');
}

const valid = { name: 'x', address: { postcode: '8000', city: 'Aarhus' }, lines: [{ quantity: 1 }] };

describe('ZodValidationPipe pointers', () => {
  it('names every broken field at once, nested and in arrays', () => {
    const { problem, errors } = errorsOf({
      name: '',
      address: { postcode: '80', city: 'Aarhus' },
      lines: [{ quantity: 1 }, { quantity: -2 }],
    });
    expect(problem).toMatchObject({ type: 'urn:dk:social:problem:validation-error', status: 400 });
    expect(errors?.map((e) => e.pointer)).toEqual(['/name', '/address/postcode', '/lines/1/quantity']);
    expect(errors?.every((e) => e.detail.length > 0)).toBe(true);
  });

  it('names a missing nested field as required', () => {
    const { errors } = errorsOf({ ...valid, address: { postcode: '8000' } });
    expect(errors).toEqual([{ pointer: '/address/city', detail: 'required' }]);
  });

  it('names an unknown field inside a nested object', () => {
    const { errors } = errorsOf({ ...valid, address: { ...valid.address, cpr: '0101901234' } });
    expect(errors).toEqual([{ pointer: '/address/cpr', detail: 'unknown field' }]);
  });

  it('escapes ~ and / in keys as RFC 6901 says', () => {
    const { errors } = errorsOf({ ...valid, tags: { 'a/b~c': 'not a number' } });
    expect(errors?.map((e) => e.pointer)).toEqual(['/tags/a~1b~0c']);
  });

  it.each([null, 'text', 42, undefined])(
    'refuses %p as a body with the empty pointer (the whole body)',
    (body) => {
      expect(errorsOf(body).errors).toEqual([{ pointer: '', detail: 'a JSON object body is required' }]);
    },
  );

  it('names nested query parameters with dots', () => {
    const query = new ZodValidationPipe(
      z.strictObject({ page: z.strictObject({ size: z.coerce.number() }) }),
      'query',
    );
    expect(errorsOf({ page: { size: 'many' } }, query).errors?.[0].pointer).toBe('query:page.size');
  });
});
