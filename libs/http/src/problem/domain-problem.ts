import { DomainError, StateConflict, ValidationFailed, type DomainErrorKind } from '@platform/domain';
import { PROBLEM_TYPES, problemType, type ProblemBody } from './problem';

const STATUS_AND_TITLE: Record<Exclude<DomainErrorKind, 'invariant'>, [number, string]> = {
  validation: [400, 'The request is not valid'],
  conflict: [409, 'Not allowed in the current state'],
  'not-found': [404, 'Not found'],
  forbidden: [403, 'Forbidden'],
};

/** `INVALID_TRANSITION` → `urn:dk:social:problem:invalid-transition`: the code is the problem's stable name. */
export function problemTypeOfCode(code: string): string {
  return problemType(code.toLowerCase().replace(/_/g, '-'));
}

/**
 * The problem details of a domain error, by its kind, so a service throws domain errors and never builds
 * HTTP problems itself. Undefined for an `invariant` error: that is a bug, answered as a 500 by the filter.
 * Validation errors share one problem type and name their inputs in `errors[]` (the empty pointer, the whole
 * request, when the domain cannot know which input it was); the others get a type per code.
 */
export function problemOfDomainError(error: DomainError): ProblemBody | undefined {
  if (error.kind === 'invariant') return undefined;
  const [status, title] = STATUS_AND_TITLE[error.kind];
  if (error instanceof ValidationFailed) {
    const pointers = error.pointers.length > 0 ? error.pointers : [''];
    const errors = pointers.map((pointer) => ({ pointer, detail: error.message }));
    return { type: PROBLEM_TYPES.validation, title, status, detail: error.message, errors };
  }
  // Extension members first, so a detail can never overwrite the members RFC 9457 defines.
  const extensions = error instanceof StateConflict ? error.details : {};
  return { ...extensions, type: problemTypeOfCode(error.code), title, status, detail: error.message };
}
