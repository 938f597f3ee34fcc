/**
 * Aldersgruppe. Danish social law treats "unge" (young people) as 15–17 and adults from 18 (myndighedsalder),
 * and the target groups of the specialty plan are set for children, young people and adults. So:
 * CHILD 0–14, YOUTH 15–17, ADULT 18 and over. Which law applies (Barnets lov or Serviceloven) follows the
 * same 18-year line.
 */
export const AGE_GROUPS = ['CHILD', 'YOUTH', 'ADULT'] as const;

export type AgeGroup = (typeof AGE_GROUPS)[number];

export const YOUTH_FROM_AGE = 15;
export const ADULT_FROM_AGE = 18;

export function isAgeGroup(value: unknown): value is AgeGroup {
  return typeof value === 'string' && (AGE_GROUPS as readonly string[]).includes(value);
}

export function ageGroupOfAge(age: number): AgeGroup {
  if (!Number.isInteger(age) || age < 0)
    throw new RangeError('age must be a whole number of years, 0 or more');
  if (age >= ADULT_FROM_AGE) return 'ADULT';
  return age >= YOUTH_FROM_AGE ? 'YOUTH' : 'CHILD';
}
