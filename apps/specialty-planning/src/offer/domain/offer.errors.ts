import { StateConflict, ValidationFailed } from '@platform/domain';

/** The offer named as parent cannot carry a location-less intervention (rule 9). */
export class InvalidParentOffer extends ValidationFailed {
  constructor(reason: string, pointer = '/parentOfferId') {
    super('INVALID_PARENT_OFFER', `${pointer.replace(/^\//, '')}: ${reason}`, [pointer]);
  }
}

/** An offer with interventions declared under its address must keep an address. */
export class OfferHasInterventions extends StateConflict {
  constructor(count: number) {
    super(
      'OFFER_HAS_INTERVENTIONS',
      `${count} location-less intervention(s) are declared under this offer's address; move them first`,
      { interventions: count },
    );
  }
}
