import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const problem = (status: number, description: string) =>
  ApiResponse({
    status,
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });

/** Documents the problem responses an endpoint can give, by status. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  const descriptions: Record<number, string> = {
    400: 'Invalid input; `errors` names each field',
    401: 'Missing, expired or invalid token',
    403: 'Authenticated, but outside your organisation or role',
    404: 'Not found (or not visible to your organisation)',
    409: 'Not allowed in the current state; the problem names the state and the allowed next steps',
    412: 'If-Match does not match the current ETag',
    413: 'Body too large',
    428: 'If-Match is required',
  };
  return applyDecorators(...statuses.map((s) => problem(s, descriptions[s] ?? 'Problem')));
}
