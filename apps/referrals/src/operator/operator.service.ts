import { Injectable } from '@nestjs/common';
import { PlacementEnded, PlacementStarted, ReferralAccepted, ReferralRejected } from '@platform/contracts';
import type { SpecialisationLevel } from '@platform/domain';
import { OfferRepository } from '../planning/offer.repository';
import { NoCapacityError, PlacementEndBeforeStartError } from '../referral/domain/referral.errors';
import type { EndPlacementInput, RejectInput, StartPlacementInput } from '../referral/dto/commands.dto';
import { operatorScope } from '../referral/referral-scope';
import { event, ReferralTransitions } from '../referral/referral-transitions';
import type { ReferralRow } from '../referral/referral.repository';
import type { ReferralChange } from '../referral/referral.http';

const isoDate = (d: Date | null) => d?.toISOString().slice(0, 10) ?? '';
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
type AgeGroup = 'CHILD' | 'YOUTH' | 'ADULT';

/**
 * The operator's side (a region, or another operator of an offer): accept or reject referrals sent to its
 * offers, start and end placements. Acceptance is where capacity is enforced: this service counts occupancy
 * (accepted + active placements per offer) against the places that specialty planning publishes.
 */
@Injectable()
export class OperatorService {
  constructor(
    private readonly transitions: ReferralTransitions,
    private readonly offers: OfferRepository,
  ) {}

  accept(change: ReferralChange): Promise<ReferralRow> {
    return this.transitions.run(
      { ...change, command: 'accept', scope: operatorScope(change.principal) },
      async (row, tx) => {
        // The offer row lock serialises accepts on one offer: two operators racing for the last place queue here.
        const offer = await this.offers.lock(tx, row.decisionOfferId!);
        const occupied = await this.offers.occupancy(tx, row.decisionOfferId!);
        if (!offer || !offer.active || occupied >= offer.places) {
          throw new NoCapacityError(offer?.places ?? 0, occupied);
        }
        return {
          data: {},
          events: [
            event(ReferralAccepted, {
              ...ref(row),
              offerId: offer.id,
              operatorOrgCode: offer.operatorOrgCode,
            }),
          ],
        };
      },
    );
  }

  reject(change: ReferralChange, input: RejectInput): Promise<ReferralRow> {
    return this.transitions.run(
      { ...change, command: 'reject', scope: operatorScope(change.principal) },
      async (row) => ({
        data: { rejectionReason: input.reason, rejectionNote: input.note ?? null },
        events: [
          event(ReferralRejected, {
            ...ref(row),
            offerId: row.decisionOfferId!,
            operatorOrgCode: row.operatorOrgCode!,
            targetGroup: row.targetGroup,
            reason: input.reason,
          }),
        ],
      }),
    );
  }

  startPlacement(change: ReferralChange, input: StartPlacementInput) {
    return this.transitions.run(
      { ...change, command: 'startPlacement', scope: operatorScope(change.principal) },
      async (row) => {
        const startDate = input.startDate ?? isoDate(row.decisionStartDate);
        return {
          data: { placementStart: asDate(startDate) },
          events: [
            event(PlacementStarted, {
              ...ref(row),
              offerId: row.decisionOfferId!,
              operatorOrgCode: row.operatorOrgCode!,
              citizenPseudonym: row.citizenPseudonym,
              ageGroup: row.ageGroup as AgeGroup,
              targetGroup: row.targetGroup,
              level: row.decisionLevel as SpecialisationLevel,
              startDate,
              deviation: row.deviation,
              followsAdvice: row.followsAdvice,
            }),
          ],
        };
      },
    );
  }

  endPlacement(change: ReferralChange, input: EndPlacementInput) {
    return this.transitions.run(
      { ...change, command: 'endPlacement', scope: operatorScope(change.principal) },
      async (row) => {
        if (row.placementStart && input.endDate < isoDate(row.placementStart)) {
          throw new PlacementEndBeforeStartError();
        }
        return {
          data: { placementEnd: asDate(input.endDate) },
          events: [
            event(PlacementEnded, {
              ...ref(row),
              offerId: row.decisionOfferId!,
              operatorOrgCode: row.operatorOrgCode!,
              citizenPseudonym: row.citizenPseudonym,
              endDate: input.endDate,
            }),
          ],
        };
      },
    );
  }
}

function ref(row: ReferralRow) {
  return { referralId: row.id, municipalityCode: row.municipalityCode };
}
