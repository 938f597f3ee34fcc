import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, ProblemBody } from '../problem/problem';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * JSON body parsing with a size limit, whose failures (too large, not JSON) are problem+json like every
 * other error. Nest's own body parser is switched off so this is the only one. `limitsByPath` gives named paths
 * (a bulk import) a larger limit: their parser runs first, and the general one skips a body already parsed.
 */
export function useJsonBodies(
  app: INestApplication,
  limit: string,
  limitsByPath: Record<string, string> = {},
): void {
  for (const [path, pathLimit] of Object.entries(limitsByPath)) {
    app.use(path, express.json({ limit: pathLimit, type: JSON_TYPES }));
  }
  app.use(express.json({ limit, type: JSON_TYPES }));
  app.use((error: BodyParserError, req: Request, res: Response, next: NextFunction) => {
    if (!error?.type) return next(error);
    const problem = bodyProblem(error);
    if (!problem) return next(error);
    res
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...problem, instance: req.originalUrl.split('?')[0] }));
  });
}

interface BodyParserError {
  type?: string;
  limit?: number;
}

function bodyProblem(error: BodyParserError): ProblemBody | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return {
        type: PROBLEM_TYPES.payloadTooLarge,
        title: 'Payload too large',
        status: 413,
        detail: `the body is larger than the limit of ${error.limit} bytes`,
      };
    case 'entity.parse.failed':
      return {
        type: PROBLEM_TYPES.malformedJson,
        title: 'Malformed JSON',
        status: 400,
        detail: 'the body is not valid JSON',
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        type: PROBLEM_TYPES.unsupportedMediaType,
        title: 'Unsupported media type',
        status: 415,
        detail: 'the body must be UTF-8 JSON',
      };
    default:
      return undefined;
  }
}
