/**
 * RFC 9457 problem details. `type` is a stable URN per kind of problem, so integrations can branch on it;
 * the list is documented in OpenAPI (see openapi/problem.schema.ts).
 */
export interface ProblemFieldError {
  /** JSON pointer into the request body or `query`/`header` parameter name, e.g. `/cpr` or `query:limit`. */
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: string): string {
  return `urn:dk:social:problem:${slug}`;
}

/** The problem types every service shares; services add their own with problemType(). */
export const PROBLEM_TYPES = {
  validation: problemType('validation-error'),
  malformedJson: problemType('malformed-json'),
  payloadTooLarge: problemType('payload-too-large'),
  unauthenticated: problemType('unauthenticated'),
  forbidden: problemType('forbidden'),
  notFound: problemType('not-found'),
  conflict: problemType('conflict'),
  preconditionFailed: problemType('precondition-failed'),
  preconditionRequired: problemType('precondition-required'),
  unsupportedMediaType: problemType('unsupported-media-type'),
  internal: problemType('internal-error'),
  unavailable: problemType('service-unavailable'),
} as const;

/** Throw this from anywhere in a request; the problem filter renders it. */
export class ProblemException extends Error {
  constructor(
    readonly problem: ProblemBody,
    /** Response headers that belong to the problem, e.g. `ETag` with a 412. */
    readonly headers?: Record<string, string>,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemException';
  }

  static validation(errors: ProblemFieldError[], detail?: string): ProblemException {
    return new ProblemException({
      type: PROBLEM_TYPES.validation,
      title: 'The request is not valid',
      status: 400,
      detail: detail ?? errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '),
      errors,
    });
  }

  static notFound(what: string): ProblemException {
    return new ProblemException({
      type: PROBLEM_TYPES.notFound,
      title: 'Not found',
      status: 404,
      detail: `${what} was not found`,
    });
  }

  static forbidden(detail: string): ProblemException {
    return new ProblemException({ type: PROBLEM_TYPES.forbidden, title: 'Forbidden', status: 403, detail });
  }

  static unauthenticated(detail: string): ProblemException {
    return new ProblemException({
      type: PROBLEM_TYPES.unauthenticated,
      title: 'Authentication required',
      status: 401,
      detail,
    });
  }
}
