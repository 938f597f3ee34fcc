/**
 * Specialiseringsniveau, lowest first: almenområdet (GENERAL), let specialiseret (LIGHT), moderat specialiseret
 * (MODERATE), højt specialiseret (HIGH). The order carries meaning: a decision "below the advised level" is a
 * deviation (rule 4), so levels are compared by position, never by name.
 */
export const SPECIALISATION_LEVELS = ['GENERAL', 'LIGHT', 'MODERATE', 'HIGH'] as const;

export type SpecialisationLevel = (typeof SPECIALISATION_LEVELS)[number];

/** Danish and English labels for UI and API docs. */
export const SPECIALISATION_LEVEL_NAMES: Readonly<Record<SpecialisationLevel, { da: string; en: string }>> =
  Object.freeze({
    GENERAL: { da: 'Almenområdet', en: 'General (not specialised)' },
    LIGHT: { da: 'Let specialiseret', en: 'Lightly specialised' },
    MODERATE: { da: 'Moderat specialiseret', en: 'Moderately specialised' },
    HIGH: { da: 'Højt specialiseret', en: 'Highly specialised' },
  });

export function isSpecialisationLevel(value: unknown): value is SpecialisationLevel {
  return typeof value === 'string' && (SPECIALISATION_LEVELS as readonly string[]).includes(value);
}

/** Negative when a is less specialised than b, 0 when equal, positive when more specialised. */
export function compareLevels(a: SpecialisationLevel, b: SpecialisationLevel): number {
  return rank(a) - rank(b);
}

/** True when a is less specialised than b. */
export function isLowerLevel(a: SpecialisationLevel, b: SpecialisationLevel): boolean {
  return compareLevels(a, b) < 0;
}

function rank(level: SpecialisationLevel): number {
  const index = SPECIALISATION_LEVELS.indexOf(level);
  // A level from outside the type (e.g. a stale database value) must not silently sort first.
  if (index < 0) throw new RangeError(`unknown specialisation level ${JSON.stringify(level)}`);
  return index;
}
