import { findTargetGroup } from '@platform/domain';
import { unknownTargetGroup } from '@platform/http';
import { z } from 'zod';

/** A code in the platform's form: upper case letters, digits and underscores. */
const PLATFORM_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * A target group by platform code (`VISION`) or FFB code. Codes outside libs/domain's list are accepted in the
 * platform's code form: target groups are specialty planning's reference data, and knowledge learns new ones from
 * the functions it approves; a capability that needs the group to be known checks it against its roster.
 */
export const targetGroupInput = z
  .string()
  .max(64)
  .transform(
    (value, ctx): string =>
      findTargetGroup(value)?.code ?? (PLATFORM_CODE.test(value) ? value : unknownTargetGroup(ctx)),
  );
