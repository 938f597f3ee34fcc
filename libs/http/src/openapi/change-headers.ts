import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';

/** The path parameter `id`, a UUID (see pathUuid), described as the resource it names. */
export const ApiIdParam = (description?: string) =>
  ApiParam({ name: 'id', type: String, format: 'uuid', description });

export interface ChangeHeadersOptions {
  /** The path id's description, e.g. `The referral`. */
  id: string;
  /** The resource as If-Match names it: "The ETag of the <resource> as you last read it". */
  resource: string;
  /** A POST documents Idempotency-Key too; a PUT does not take one. */
  idempotencyKey?: boolean;
}

/** What a change of one resource documents: the path id, If-Match (required), Idempotency-Key on a POST. */
export const ApiChangeHeaders = ({ id, resource, idempotencyKey = true }: ChangeHeadersOptions) =>
  applyDecorators(
    ApiIdParam(id),
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: `The ETag of the ${resource} as you last read it (412 when stale)`,
    }),
    ...(idempotencyKey
      ? [
          ApiHeader({
            name: 'Idempotency-Key',
            required: false,
            description: 'Makes a retried POST have one effect',
          }),
        ]
      : []),
  );
