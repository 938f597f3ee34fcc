import { StateConflict } from '@platform/domain';

/**
 * Rule 5: SEL § 186 let a municipal council take over a regional offer in its municipality once per election
 * period; the right is abolished. A request is still recorded (the municipality asked, and may ask again), and
 * rejected at once with that reason; nothing ever changes ownership.
 */
export const TAKEOVER_REJECTION = Object.freeze({
  status: 'REJECTED',
  reason: 'MUNICIPAL_TAKEOVER_ABOLISHED',
  legalBasis: 'SEL_186',
  message: Object.freeze({
    da: 'Kommunal overtagelse af regionale tilbud er afskaffet (serviceloven § 186)',
    en: 'municipal takeover of regional offers is abolished (SEL § 186)',
  }),
} as const);

export type TakeoverOutcome = typeof TAKEOVER_REJECTION;

/**
 * The answer to a takeover request for an offer. Only a region's offer can be the subject of one (§ 186 was about
 * regional offers); a request for any other offer is refused as a conflict and not recorded.
 */
export function decideTakeover(offer: { id: string; operatorOrgType: string }): TakeoverOutcome {
  if (offer.operatorOrgType !== 'region') throw new NotARegionalOfferError(offer.id, offer.operatorOrgType);
  return TAKEOVER_REJECTION;
}

export class NotARegionalOfferError extends StateConflict {
  constructor(offerId: string, operatorOrgType: string) {
    super(
      'NOT_A_REGIONAL_OFFER',
      `offer ${offerId} is operated by a ${operatorOrgType}, not a region: a takeover request (SEL § 186) concerns regional offers only`,
      { offerId, operatorOrgType },
    );
  }
}
