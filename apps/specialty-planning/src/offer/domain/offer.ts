import type { Principal } from '@platform/auth';
import type { OfferLegalBasisCode, SpecialisationLevel, TargetGroupCode } from '@platform/domain';
import type { OfferStatus } from '../offer-directory';

/** Who operates an offer: the organisation that registered it, the only one that may change it. */
export interface Operator {
  orgType: 'municipality' | 'region';
  orgCode: string;
}

/** The address of an offer (beliggenhed); its municipality decides the supervising Socialtilsyn. */
export interface OfferAddress {
  street: string;
  postalCode: string;
  city: string;
  municipalityCode: string;
}

/** A private provider whose offer the operator holds the operating agreement for (privat leverandør). */
export interface PrivateProvider {
  cvr: string;
  name: string;
}

/**
 * What an operator declares about an offer, by the API or an HSDS import: exactly one of `address` (the offer
 * has its own matrikel) and `parentOfferId` (a location-less intervention under another offer's address).
 */
export interface OfferDeclaration {
  name: string;
  legalBases: OfferLegalBasisCode[];
  targetGroups: TargetGroupCode[];
  level: SpecialisationLevel;
  address?: OfferAddress;
  parentOfferId?: string;
  ratePerDay?: string | null;
  status: OfferStatus;
}

/** A new offer: the declaration, its places and, for an operating agreement, the private provider. */
export interface OfferRegistration extends OfferDeclaration {
  places: number;
  privateProvider?: PrivateProvider;
}

/** The operator a caller acts as; planners of regions and municipalities only (the @Access rule). */
export function operatorOf(principal: Principal): Operator {
  return { orgType: principal.orgType as Operator['orgType'], orgCode: principal.orgCode };
}

/** Ledige pladser: never negative, even when the referrals service counted more than the places set now. */
export function freePlacesOf(places: number, occupied: number): number {
  return Math.max(0, places - occupied);
}
