import { TARGET_GROUPS, type TargetGroup, type TargetGroupCode } from './target-groups.data';

export {
  FFB_CODE_SYSTEM,
  FFB_CODE_SYSTEM_VERSION,
  TARGET_GROUP_CODES,
  TARGET_GROUPS,
} from './target-groups.data';
export type { TargetGroup, TargetGroupCode } from './target-groups.data';

const byCode = new Map(TARGET_GROUPS.map((g) => [g.code, g]));
const byFfb = new Map(TARGET_GROUPS.filter((g) => g.ffbCode).map((g) => [g.ffbCode!.toLowerCase(), g]));

export function isTargetGroupCode(value: unknown): value is TargetGroupCode {
  return typeof value === 'string' && byCode.has(value as TargetGroupCode);
}

/**
 * The target group named by our code ('VISION', any case) or by its FFB code (a UUID, any case), because
 * municipal systems send FFB codes and people type ours. Undefined when neither matches.
 */
export function findTargetGroup(codeOrFfb: string): TargetGroup | undefined {
  if (typeof codeOrFfb !== 'string') return undefined;
  const value = codeOrFfb.trim();
  return byCode.get(value.toUpperCase() as TargetGroupCode) ?? byFfb.get(value.toLowerCase());
}
