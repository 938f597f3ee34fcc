import { PROBLEM_TYPES, ProblemException } from '@platform/http';

/**
 * Optimistic concurrency on every change: the caller sends the ETag it read in If-Match. 428 without it,
 * 412 (with the current ETag) when someone changed the resource meanwhile.
 */
export function checkIfMatch(current: string, ifMatch: string | undefined, what: string): void {
  if (!ifMatch) {
    throw new ProblemException({
      type: PROBLEM_TYPES.preconditionRequired,
      title: 'If-Match required',
      status: 428,
      detail: `send the ETag of the ${what} you read in If-Match, so concurrent changes are not overwritten`,
    });
  }
  // A version counter is the only representation there is, so `W/"3"` and `"3"` name the same version.
  const accepted = ifMatch.split(',').map((t) => opaqueTag(t.trim()));
  if (!accepted.includes(opaqueTag(current))) {
    throw new ProblemException(
      {
        type: PROBLEM_TYPES.preconditionFailed,
        title: `The ${what} has changed`,
        status: 412,
        detail: `If-Match ${ifMatch} does not match the current ETag ${current}; read it again`,
      },
      { ETag: current },
    );
  }
}

const opaqueTag = (etag: string) => etag.replace(/^W\//, '');

/** A weak ETag from a version counter: `W/"3"`. */
export const versionEtag = (version: number) => `W/"${version}"`;
