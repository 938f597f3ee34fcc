import { findTargetGroup, isIsoDate } from '@platform/domain';
import { z } from 'zod';

/** Fields every service's requests and views share, so a date or a target group reads alike in all of them. */

/** A calendar date that exists (2026-02-30 does not), as input. */
export const calendarDate = z
  .string()
  .refine(isIsoDate, 'must be a real calendar date YYYY-MM-DD')
  .meta({ format: 'date' });

/** Refuses a value that names no target group (the transform then returns z.NEVER). */
export function unknownTargetGroup(ctx: z.RefinementCtx): never {
  ctx.addIssue({ code: 'custom', message: 'unknown target group (use a platform code or its FFB code)' });
  return z.NEVER;
}

/** A target group by our code (`VISION`) or its FFB code (a UUID); normalised to our code. */
export const targetGroupInput = z
  .string()
  .max(64)
  .transform((value, ctx) => findTargetGroup(value)?.code ?? unknownTargetGroup(ctx));

/** A yes/no query parameter, `true` or `false`. */
export const flagInput = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A calendar day as views show it. */
export const isoDateView = z.string().meta({ format: 'date', example: '2026-01-15' });
/** An instant as views show it (UTC). */
export const isoInstantView = z.string().meta({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' });
// Ids are PostgreSQL uuids; documented as such without zod's stricter RFC pattern.
export const uuidView = z.string().meta({ format: 'uuid' });
