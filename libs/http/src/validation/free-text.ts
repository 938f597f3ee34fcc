import { Cpr } from '@platform/domain';
import { z } from 'zod';

/**
 * Ten digits that could be a CPR number, DDMMYY-SSSS, DDMMYY SSSS or DDMMYYSSSS. The lookahead finds every
 * start position, so a CPR inside a longer run of digits is found too.
 */
const CANDIDATE = /(?=(\d{6})[-\s]?(\d{4}))/g;

/** True when the text holds a number that parses as a CPR number (a real date, the century rule). */
export function containsCprNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    if (Cpr.tryParse(`${match[1]}${match[2]}`)) return true;
  }
  return false;
}

/**
 * A free-text field (a reason, a note, a justification): trimmed, `min`–`max` characters, and without a CPR
 * number. Free text is stored in clear, shown to other organisations and copied into events, so a CPR number
 * written there would escape the encryption and pseudonymisation it gets in its own field. The message never
 * repeats the number.
 */
export function freeText(max: number, min = 0) {
  const text = z.string().trim();
  // no minLength of 0 in the OpenAPI document: it says nothing and would change every committed copy
  return (min > 0 ? text.min(min) : text).max(max).refine((text) => !containsCprNumber(text), {
    message: 'must not contain a CPR number; the referral already identifies the citizen',
  });
}
