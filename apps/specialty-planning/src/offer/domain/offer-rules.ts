import type { OfferRow } from '../offer.repository';
import { InvalidParentOffer, OfferHasInterventions } from './offer.errors';
import type { OfferDeclaration, Operator } from './offer';

/** The columns a declaration sets, as the offer table holds them. */
export type DeclaredColumns = Pick<
  OfferRow,
  | 'name'
  | 'legalBases'
  | 'targetGroups'
  | 'level'
  | 'ratePerDay'
  | 'status'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'municipalityCode'
  | 'parentOfferId'
>;

/** The offer a declaration names as its parent, as far as rule 9 needs it. */
export type ParentCandidate = Pick<
  OfferRow,
  'id' | 'operatorOrgType' | 'operatorOrgCode' | 'parentOfferId' | 'municipalityCode'
>;

export const isOperatedBy = (row: Pick<OfferRow, 'operatorOrgType' | 'operatorOrgCode'>, op: Operator) =>
  row.operatorOrgType === op.orgType && row.operatorOrgCode === op.orgCode;

/**
 * Rule 9: a location-less intervention is declared under an offer of the same operator that has an address of
 * its own (one level: an intervention is never a parent), and never under itself.
 */
export function assertParentAllowed(
  parent: ParentCandidate | null,
  operator: Operator,
  selfId: string,
): void {
  if (!parent || !isOperatedBy(parent, operator)) throw new InvalidParentOffer('must be one of your offers');
  if (parent.id === selfId) throw new InvalidParentOffer('an offer cannot be declared under itself');
  if (parent.parentOfferId !== null) {
    throw new InvalidParentOffer('is itself a location-less intervention; name an offer with an address');
  }
}

/** An offer with interventions under its address cannot give up that address. */
export function assertMayLoseAddress(interventions: number): void {
  if (interventions > 0) throw new OfferHasInterventions(interventions);
}

/**
 * The columns of a declaration: the address of its own, or none and the parent's municipality (kept on the
 * intervention so search and the events name the municipality it works in).
 */
export function declaredColumns(input: OfferDeclaration, parent: ParentCandidate | null): DeclaredColumns {
  const address = input.address;
  return {
    name: input.name,
    legalBases: setOf(input.legalBases),
    targetGroups: setOf(input.targetGroups),
    level: input.level,
    ratePerDay: input.ratePerDay ?? null,
    status: input.status,
    street: address?.street ?? null,
    postalCode: address?.postalCode ?? null,
    city: address?.city ?? null,
    municipalityCode: address?.municipalityCode ?? parent!.municipalityCode,
    parentOfferId: address ? null : input.parentOfferId!,
  };
}

/** Sorted and without repeats: the order carries no meaning, so re-sending a list in another order is no change. */
const setOf = <T extends string>(values: readonly T[]): T[] => [...new Set(values)].sort();

/** Only what differs from the row; empty when the declaration changes nothing (no new version then). */
export function changedColumns(row: OfferRow, next: DeclaredColumns): Partial<DeclaredColumns> {
  const changed: Partial<DeclaredColumns> = {};
  for (const key of Object.keys(next) as (keyof DeclaredColumns)[]) {
    if (!sameValue(row[key], next[key])) Object.assign(changed, { [key]: next[key] });
  }
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (typeof a === 'string' && typeof b === 'string' && /^\d+(\.\d+)?$/.test(a) && /^\d+(\.\d+)?$/.test(b)) {
    return Number(a) === Number(b); // a rate: "1200" and "1200.00" are one amount
  }
  return a === b;
}
