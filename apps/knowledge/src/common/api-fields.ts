import { findTargetGroup, isIsoDate, type IsoDate } from '@platform/domain';
import { z } from 'zod';

/** A calendar date that exists (2026-02-30 does not). */
export const calendarDate = z
  .string()
  .refine(isIsoDate, 'must be a real calendar date YYYY-MM-DD')
  .meta({ format: 'date' });

/**
 * A target group by platform code (`VISION`) or FFB code. Codes outside libs/domain's list are accepted in the
 * platform's code form: target groups are specialty planning's reference data, and knowledge learns new ones from
 * the functions it approves; a capability that needs the group to be known checks it against its roster.
 */
export const targetGroupInput = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const known = findTargetGroup(value)?.code;
    if (known) return known as string;
    if (/^[A-Z][A-Z0-9_]{1,63}$/.test(value)) return value;
    ctx.addIssue({ code: 'custom', message: 'unknown target group (use a platform code or its FFB code)' });
    return z.NEVER;
  });

/** A UTC-midnight Date from the database as its calendar day, and back. */
export const dayOf = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export const dateOf = (day: IsoDate): Date => new Date(`${day}T00:00:00Z`);

/** Ids are stored as PostgreSQL uuids; documented as such without zod's stricter RFC pattern. */
export const uuidField = z.string().meta({ format: 'uuid' });
export const isoDateField = z.string().meta({ format: 'date', example: '2026-01-15' });
export const instantField = z.string().meta({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' });
