import { OfferPlacesChanged, OfferUpdated } from '@platform/contracts';
import type { SpecialisationLevel } from '@platform/domain';
import { event, type PendingEvent } from '@platform/messaging';
import type { OfferRow } from '../offer.repository';

/** OfferUpdated carries the offer's whole state (event-carried state transfer): the referrals service's copy. */
export function offerUpdated(row: OfferRow): PendingEvent {
  return event(
    OfferUpdated,
    {
      offerId: row.id,
      version: row.version,
      name: row.name,
      operatorOrgType: row.operatorOrgType as 'municipality' | 'region',
      operatorOrgCode: row.operatorOrgCode,
      level: row.level as SpecialisationLevel,
      targetGroups: row.targetGroups,
      places: row.places,
      active: row.status === 'ACTIVE',
      municipalityCode: row.municipalityCode,
      parentOfferId: row.parentOfferId,
    },
    row.id,
  );
}

/** The operator set a new number of places; `row` is the offer after the change. */
export function placesChanged(row: OfferRow, previousPlaces: number): PendingEvent {
  return event(
    OfferPlacesChanged,
    {
      offerId: row.id,
      operatorOrgCode: row.operatorOrgCode,
      previousPlaces,
      places: row.places,
      version: row.version,
    },
    row.id,
  );
}
