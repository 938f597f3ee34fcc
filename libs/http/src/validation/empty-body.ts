import { Body } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema } from '../openapi/named-schemas';
import { ZodValidationPipe } from './zod-validation.pipe';

/** The body of a command without parameters: an empty object, or no body at all. */
export const emptyCommandSchema = z.strictObject({});

/** Documents the optional empty body of a command without parameters. */
export const ApiEmptyBody = () => ApiBody({ schema: openApiSchema(emptyCommandSchema), required: false });

/** `@EmptyBody() _body: unknown`: no body or `{}`; a field is a 400 naming it. */
export const EmptyBody = () =>
  Body(new ZodValidationPipe(emptyCommandSchema, 'body', { optionalBody: true }));
