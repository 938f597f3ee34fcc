import { ProblemException } from '@platform/http';
import { z } from 'zod';

export const pseudonymField = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a citizen pseudonym (64 lower-case hex characters)')
  .meta({ description: 'Citizen pseudonym: HMAC-SHA-256 of the CPR number (never the CPR number itself)' });

const text = (description: string) => z.string().min(1).max(200).optional().meta({ description });
const instant = (description: string) =>
  z.iso.datetime({ offset: true }).optional().meta({ description, example: '2026-11-26T00:00:00Z' });

/** Query of GET /api/v1/audit/events and its FHIR export: every filter optional, all must hold. */
export const ledgerQuery = z
  .strictObject({
    citizenPseudonym: pseudonymField.optional(),
    subject: text('The token subject (`sub`) of the person or system that acted'),
    orgType: z.enum(['municipality', 'region', 'state']).optional(),
    orgCode: z
      .string()
      .regex(/^(\d{3,4}|state)$/, 'must be a municipality (101), region (1084) or `state` code')
      .optional(),
    action: text('e.g. `referral.read`, `referral.decide`, `GET /api/v1/referrals/:id`'),
    outcome: z.enum(['ALLOWED', 'DENIED']).optional(),
    service: z
      .string()
      .regex(/^[a-z][a-z-]{1,63}$/, 'must be a service name')
      .optional(),
    resourceType: text('e.g. `referral`, `citizen`, `offer`'),
    resourceId: text('The id of the resource'),
    from: instant('Occurred at or after (inclusive)'),
    to: instant('Occurred before (exclusive)'),
    cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page' }),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: 'must be after `from`',
    path: ['to'],
  });

export type LedgerQuery = z.infer<typeof ledgerQuery>;

/** Query of the citizen's own view: the page only. */
export const pageQuery = z.strictObject({
  cursor: z.string().max(200).optional().meta({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export type PageQuery = z.infer<typeof pageQuery>;

/** Opaque cursor: base64url of the last row's seq. */
export const encodeCursor = (seq: string) => Buffer.from(`seq:${seq}`).toString('base64url');

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const match = /^seq:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw ProblemException.validation([
      { pointer: 'query:cursor', detail: 'not a cursor returned by this API' },
    ]);
  }
  return match[1];
}
