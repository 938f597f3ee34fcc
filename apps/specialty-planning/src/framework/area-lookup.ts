import { findFrameworkArea, type FrameworkArea } from '@platform/domain';
import { ProblemException } from '@platform/http';

/** The area named in a path (`RA-1082` or `1082`); 404 when there is none. */
export function areaOrNotFound(code: string): FrameworkArea {
  const area = findFrameworkArea(code);
  if (!area) throw ProblemException.notFound('the framework area (RA-<region code>)');
  return area;
}
