import { Cpr } from '@platform/domain';
import { randomInt, randomUUID } from 'node:crypto';

/** A short tag unique to one run, put in the names of what the run creates so reruns never meet their own data. */
export const newRunTag = () => randomUUID().slice(0, 8);

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A valid-format CPR number (a real birth date, the century from the serial's first digit) for a citizen born
 * in `birthYear` (1900–2036), new on every call: each run refers citizens of its own, so one run's placements
 * never share a refusion line with another's. No modulus 11 check (the CPR register gave it up in 2007).
 * Never logged: steps print the pseudonym at most.
 */
export function newCpr(birthYear: number): string {
  const yy = birthYear % 100;
  // 1900s: serial 0000–3999; 2000s: 4000–9999 (seventh digit 4 or 9 up to YY 36, 5–8 up to 57).
  const serial = birthYear < 2000 ? randomInt(0, 4000) : randomInt(4000, 10_000);
  const cpr = `${two(randomInt(1, 29))}${two(randomInt(1, 13))}${two(yy)}${String(serial).padStart(4, '0')}`;
  const born = Cpr.tryParse(cpr)?.birthDate;
  if (!born?.startsWith(String(birthYear))) throw new Error(`no valid CPR for the birth year ${birthYear}`);
  return cpr;
}
