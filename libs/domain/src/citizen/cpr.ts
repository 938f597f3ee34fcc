import { assertIsoDate, daysInMonth } from '../time/calendar-date';
import { ageGroupOfAge, type AgeGroup } from './age-group';
import { AgeBeforeBirthError, InvalidCprError } from './cpr.errors';

const CPR_INPUT = /^(\d{6})-?(\d{4})$/;
const MASK = '[CPR]';
// Node's well-known symbol for util.inspect, reached without importing node:util so the domain stays pure.
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * CPR-nummer, the citizen's personal identification number: DDMMYY-SSSS. Sensitive personal data, so the
 * digits live in a private field and every way of turning the object into text (String(), template literals,
 * JSON.stringify, console.log/util.inspect) gives '[CPR]'. Read `.value` deliberately when you need them.
 * Modulus 11 is NOT checked: numbers issued since 2007 may fail it.
 */
export class Cpr {
  readonly #digits: string;
  readonly #birthDate: string;

  private constructor(digits: string, birthDate: string) {
    this.#digits = digits;
    this.#birthDate = birthDate;
  }

  /** Accepts DDMMYYSSSS or DDMMYY-SSSS (surrounding spaces ignored); throws InvalidCprError otherwise. */
  static parse(input: string): Cpr {
    const match = typeof input === 'string' ? CPR_INPUT.exec(input.trim()) : null;
    if (!match) throw new InvalidCprError('CPR_INVALID_FORMAT');
    const digits = match[1]! + match[2]!;
    const birthDate = birthDateOf(digits);
    if (!birthDate) throw new InvalidCprError('CPR_INVALID_DATE');
    return new Cpr(digits, birthDate);
  }

  /** Like parse, but undefined instead of an error. */
  static tryParse(input: string): Cpr | undefined {
    try {
      return Cpr.parse(input);
    } catch (error) {
      if (error instanceof InvalidCprError) return undefined;
      throw error;
    }
  }

  /** The 10 digits without a hyphen. Personal data: never log it. */
  get value(): string {
    return this.#digits;
  }

  /** Date of birth, 'YYYY-MM-DD'. */
  get birthDate(): string {
    return this.#birthDate;
  }

  /** Completed years on a date. Born 29 February: a year older on 1 March in non-leap years. */
  ageOn(date: string): number {
    assertIsoDate(date);
    if (date < this.#birthDate) throw new AgeBeforeBirthError();
    const [by, bm, bd] = this.#birthDate.split('-').map(Number) as [number, number, number];
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const hadBirthday = m > bm || (m === bm && d >= bd);
    return y - by - (hadBirthday ? 0 : 1);
  }

  ageGroupOn(date: string): AgeGroup {
    return ageGroupOfAge(this.ageOn(date));
  }

  equals(other: Cpr): boolean {
    return other instanceof Cpr && other.value === this.#digits;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [INSPECT](): string {
    return MASK;
  }
}

/** The date of birth, or undefined when DDMMYY with the century from digit 7 is not a real date. */
function birthDateOf(digits: string): string | undefined {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const year = centuryOf(yy, Number(digits[6])) + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
}

/**
 * CPR's century rule (CPR-kontoret): the first digit of the serial number tells the century of YY.
 * 0–3: 1900s. 4 and 9: 2000s for YY 00–36, else 1900s. 5–8: 2000s for YY 00–57, else 1800s.
 */
export function centuryOf(yy: number, seventhDigit: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}
