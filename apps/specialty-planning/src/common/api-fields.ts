import { FUNCTION_TYPES } from '@platform/contracts';
import { findTargetGroup, TARGET_GROUP_CODES } from '@platform/domain';
import { calendarDate, targetGroupInput as platformTargetGroup } from '@platform/http';
import { z } from 'zod';

/** Fields several capabilities of specialty planning share in their requests and views. */

/**
 * A calendar date (see calendarDate) within years PostgreSQL's DATE and the plan make sense for: year 0000 is no
 * date to PostgreSQL, and would otherwise fail in the database instead of as bad input.
 */
export const planningDate = calendarDate.refine(
  (d) => d >= '1900-01-01' && d <= '9999-12-31',
  'must lie between 1900-01-01 and 9999-12-31',
);

/** A target group by our code (`VISION`) or its FFB code (a UUID); stored and returned as our code. */
export const targetGroupInput = platformTargetGroup.meta({
  description: 'Målgruppe: platform code or FFB code',
  example: 'VISION',
});

export const functionTypeInput = z.enum(FUNCTION_TYPES).meta({
  description: 'SPECIAL_FUNCTION (specialfunktion) or ADVISORY_FUNCTION (rådgivningsfunktion)',
});

/** Minimum citizens per year (øvelse gør mester). */
export const minimumYearlyVolumeInput = z.number().int().min(0).max(100_000);

/** A validity period's last day may not come before its first: refused on validTo, which is the one to fix. */
export function validToNotBeforeValidFrom(
  body: { validFrom: string; validTo: string },
  ctx: z.RefinementCtx,
): void {
  if (body.validTo < body.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must not be before validFrom' });
  }
}

/** A target group as views show it: our code and, where one exists, its KL FFB code. */
export const targetGroupView = z.object({
  code: z.enum(TARGET_GROUP_CODES),
  ffbCode: z.string().nullable().meta({ description: 'KL FFB concept code (UUID), where one matches' }),
});

export function toTargetGroupView(code: string): z.infer<typeof targetGroupView> {
  const group = findTargetGroup(code);
  return { code: code as (typeof TARGET_GROUP_CODES)[number], ffbCode: group?.ffbCode ?? null };
}
