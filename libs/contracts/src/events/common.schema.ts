import { SPECIALISATION_LEVELS } from '@platform/domain';
import { z } from 'zod';

/** Building blocks shared by the event schemas. */
export const municipalityCode = z.string().regex(/^\d{3}$/, 'three-digit municipality code');
export const orgCode = z.string().regex(/^(\d{3,4}|state)$/, 'organisation code');
export const orgType = z.enum(['municipality', 'region', 'state']);
/** HMAC-SHA-256 of the CPR number, hex: the only citizen identifier that leaves the referrals service. */
export const citizenPseudonym = z.string().regex(/^[0-9a-f]{64}$/, 'pseudonym (hex HMAC-SHA-256)');
export const level = z.enum(SPECIALISATION_LEVELS);
export const targetGroupCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'target group code');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'calendar date YYYY-MM-DD');
export const instant = z.iso.datetime({ offset: true });
export const uuid = z.uuid();
export const ageGroup = z.enum(['CHILD', 'YOUTH', 'ADULT']);
export const responsibility = z.enum(['MUNICIPAL', 'REGIONAL']);
