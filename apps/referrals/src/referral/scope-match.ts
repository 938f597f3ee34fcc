import type { ReferralFilter, ReferralRow } from './referral.repository';

type Scalar = string | number | boolean | null;

/**
 * Whether a loaded row lies in a scope, for the write path and the read by id, which load one row by its id
 * with SQL and then apply the caller's scope here (outside it: not found, as the list query does in SQL).
 * The scopes are Prisma filters (referral-scope.ts), so the same rule also filters lists in the database.
 * Only what scopes use is understood: AND, OR, equality and `in`; anything else throws, so a new kind of
 * scope cannot pass unchecked.
 */
export function inScope(row: ReferralRow, filter: ReferralFilter): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (condition === undefined) return true;
    if (key === 'AND') return asList(condition).every((f) => inScope(row, f));
    if (key === 'OR') return (condition as ReferralFilter[]).some((f) => inScope(row, f));
    if (!(key in row)) throw new Error(`scope names ${key}, which a referral does not have`);
    return matches(row[key as keyof ReferralRow], condition);
  });
}

function asList(condition: unknown): ReferralFilter[] {
  return Array.isArray(condition) ? condition : [condition as ReferralFilter];
}

function matches(value: unknown, condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object') return value === condition;
  const ops = Object.entries(condition);
  return ops.every(([op, operand]) => {
    if (op === 'in') return (operand as Scalar[]).includes(value as Scalar);
    if (op === 'equals') return value === operand;
    throw new Error(`scope uses ${op}, which inScope does not understand`);
  });
}
