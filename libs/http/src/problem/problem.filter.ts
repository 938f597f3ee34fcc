import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError } from '@platform/domain';
import type { Request, Response } from 'express';
import { problemOfDomainError } from './domain-problem';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, ProblemBody, ProblemException, problemType } from './problem';
import { unavailableProblem } from './unavailable-problem';

/**
 * Renders every error of an HTTP request as problem+json. Domain errors are mapped by their kind (see
 * problemOfDomainError), so services need no mapping of their own; a translator is only for an error that is
 * neither a domain error nor a ProblemException (e.g. one of a third-party library). Anything unknown is a 500
 * whose body says nothing about internals (the log has it, without request bodies).
 */
export type ProblemTranslator = (error: unknown) => ProblemBody | undefined;

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  constructor(private readonly translators: ProblemTranslator[] = []) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // An unreachable database is answered 503 before anything else looks at the error (see unavailableProblem).
    const known = error instanceof ProblemException ? error : (unavailableProblem(error) ?? error);
    const problem = { ...this.toProblem(known, request), instance: request.originalUrl?.split('?')[0] };
    const headers = known instanceof ProblemException ? known.headers : undefined;
    for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(error: unknown, request: Request): ProblemBody {
    if (error instanceof ProblemException) return error.problem;
    for (const translate of this.translators) {
      const problem = translate(error);
      if (problem) return problem;
    }
    const domainProblem = error instanceof DomainError ? problemOfDomainError(error) : undefined;
    if (domainProblem) return domainProblem;
    if (error instanceof HttpException) return fromHttpException(error);
    this.logger.error({
      msg: 'unhandled error',
      requestId: request.headers['x-request-id'],
      error:
        error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : 'unknown',
    });
    return { type: PROBLEM_TYPES.internal, title: 'Internal error', status: 500 };
  }
}

function fromHttpException(error: HttpException): ProblemBody {
  const status = error.getStatus();
  if (status !== 404) return { type: problemType(`http-${status}`), title: error.message, status };
  // Express's "no such route" is a 404 whose message is `Cannot GET <url>`, query string included, and a query
  // may carry a CPR number or a token: the problem says "Not found" and names the path only.
  return {
    type: PROBLEM_TYPES.notFound,
    title: 'Not found',
    status,
    detail: error.message.replace(/\?\S*/, ''),
  };
}
