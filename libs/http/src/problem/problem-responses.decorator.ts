import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each field',
  401: 'Missing, expired or invalid token',
  403: 'Authenticated, but outside your organisation or role',
  404: 'Not found (or not visible to your organisation)',
  409: 'Not allowed in the current state; the problem names the state and the allowed next steps',
  412: 'If-Match does not match the current ETag',
  413: 'Body too large',
  422: 'This Idempotency-Key was used for a different request',
  428: 'If-Match is required',
};

/** The OpenAPI response object of a problem+json answer with this status. */
export function problemResponseObject(status: number, description = DESCRIPTIONS[status] ?? 'Problem') {
  return {
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

/** Documents the problem responses an endpoint can give, by status. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, ...problemResponseObject(status) })),
  );
}
