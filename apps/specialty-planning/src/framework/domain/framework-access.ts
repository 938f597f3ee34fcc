import type { Principal } from '@platform/auth';
import type { FrameworkArea } from '@platform/domain';

/**
 * Who governs a framework-agreement area (rule 10): its region, which runs the agreement, and the state. Areas,
 * agreements and analyses are public reading, so a region asking for another region's area is told why (403);
 * nothing is hidden from it that a read would not show.
 */
export function governs(principal: Principal, area: FrameworkArea): boolean {
  return (
    principal.orgType === 'state' || (principal.orgType === 'region' && principal.orgCode === area.regionCode)
  );
}
