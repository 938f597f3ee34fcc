import type { HeaderObject } from '@nestjs/swagger';

export type ResponseHeader = 'ETag' | 'Location' | 'Idempotent-Replayed' | 'X-Request-Id';

/**
 * Response headers of our services, documented once in `components.headers` and `$ref`'d by responses, so a
 * generated client sees the same header the same way on every operation.
 */
export const RESPONSE_HEADERS: Record<ResponseHeader, HeaderObject> = {
  ETag: {
    description: 'The version of the resource; send it back in If-Match to change the resource',
    schema: { type: 'string', example: 'W/"1"' },
  },
  Location: {
    description: 'The path of the resource just created',
    schema: { type: 'string', example: '/api/v1/referrals/6f1c3a52-4e1b-4d59-9a51-1f0b7f0a2c11' },
  },
  'Idempotent-Replayed': {
    description:
      '`true` when this is the stored response to an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
  'X-Request-Id': {
    description:
      'The id of this request (yours when you sent a well-formed one); quote it when reporting a problem',
    schema: { type: 'string' },
  },
};

export const headerRef = (name: ResponseHeader) => ({ $ref: `#/components/headers/${name}` });
