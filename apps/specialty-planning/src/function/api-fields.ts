import type { PipeTransform } from '@nestjs/common';
import type { AccessRule } from '@platform/auth';
import { FUNCTION_TYPES } from '@platform/contracts';
import { findTargetGroup, isIsoDate, TARGET_GROUP_CODES } from '@platform/domain';
import { ProblemException } from '@platform/http';
import { z } from 'zod';

/** Fields the plan and function capabilities share in their requests and views. */

/** Plans and approved functions are public planning facts: any valid token of the platform reads them. */
export const ANY_ORGANISATION: AccessRule = { orgTypes: ['municipality', 'region', 'state'] };

/**
 * A calendar date that exists (2026-02-30 does not), within years PostgreSQL's DATE and the plan make sense
 * for: year 0000 is no date to PostgreSQL, and would otherwise fail in the database instead of as bad input.
 */
export const calendarDate = z
  .string()
  .refine(isIsoDate, 'must be a real calendar date YYYY-MM-DD')
  .refine((d) => d >= '1900-01-01' && d <= '9999-12-31', 'must lie between 1900-01-01 and 9999-12-31')
  .meta({ format: 'date' });

/** A target group by our code (`VISION`) or its FFB code (a UUID); normalised to our code. */
export const targetGroupInput = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const group = findTargetGroup(value);
    if (!group) {
      ctx.addIssue({ code: 'custom', message: 'unknown target group (use a platform code or its FFB code)' });
      return z.NEVER;
    }
    return group.code;
  })
  .meta({ description: 'Målgruppe: platform code or FFB code', example: 'VISION' });

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

export const isoDateView = z.string().meta({ format: 'date', example: '2026-01-01' });
export const isoInstantView = z.string().meta({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' });
// Ids are PostgreSQL uuids; documented as such without zod's stricter RFC pattern.
export const uuidView = z.string().meta({ format: 'uuid' });

/** A target group as views show it: our code and, where one exists, its KL FFB code. */
export const targetGroupView = z.object({
  code: z.enum(TARGET_GROUP_CODES),
  ffbCode: z.string().nullable().meta({ description: 'KL FFB concept code (UUID), where one matches' }),
});

export function toTargetGroupView(code: string): z.infer<typeof targetGroupView> {
  const group = findTargetGroup(code);
  return { code: code as (typeof TARGET_GROUP_CODES)[number], ffbCode: group?.ffbCode ?? null };
}

/** The calendar day of a DATE column (read as midnight UTC). */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);
/** A calendar day as the Date a DATE column takes (midnight UTC). */
export const dateOf = (day: string): Date => new Date(`${day}T00:00:00Z`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path parameter `:id` as a UUID, 400 naming it otherwise. */
export const uuidParam: PipeTransform<unknown, string> = {
  transform(value: unknown): string {
    const id = String(value);
    if (!UUID.test(id)) throw ProblemException.validation([{ pointer: 'path:id', detail: 'must be a UUID' }]);
    return id.toLowerCase();
  },
};

export const flagInput = z.enum(['true', 'false']).transform((v) => v === 'true');
