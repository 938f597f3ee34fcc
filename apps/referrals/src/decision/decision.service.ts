import { Inject, Injectable } from '@nestjs/common';
import { ReferralDecided, ReferralSentToOffer } from '@platform/contracts';
import type { SpecialisationLevel } from '@platform/domain';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config';
import { OfferRepository } from '../planning/offer.repository';
import { assessDecision } from '../referral/domain/deviation';
import { UnknownOfferError } from '../referral/domain/referral.errors';
import type { DecideInput } from '../referral/dto/commands.dto';
import { municipalScope } from '../referral/referral-scope';
import { event, ReferralTransitions } from '../referral/referral-transitions';
import type { ReferralRow } from '../referral/referral.repository';
import type { ReferralChange } from '../referral/referral.http';

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Afgørelse: the municipality decides offer, level and start, and sends the referral to the offer. */
@Injectable()
export class DecisionService {
  constructor(
    private readonly transitions: ReferralTransitions,
    private readonly offers: OfferRepository,
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
  ) {}

  /**
   * Decides. Follows-advice and deviation (rule 4) are computed, never claimed: a lower level than advised or
   * another offer needs a written justification. Before advice only an urgent referral may be decided.
   */
  decide(change: ReferralChange, input: DecideInput): Promise<ReferralRow> {
    return this.transitions.run(
      { ...change, command: 'decide', scope: municipalScope(change.principal) },
      async (row, tx) => {
        const offer = await this.offers.find(input.offerId, tx);
        if (!offer || !offer.active) {
          throw new UnknownOfferError();
        }
        const advice = row.adviceGivenAt
          ? { level: row.adviceLevel as SpecialisationLevel, offerId: row.adviceOfferId! }
          : undefined;
        const assessment = assessDecision({
          advice,
          decision: { level: input.level, offerId: input.offerId },
          justification: input.justification,
          minJustificationLength: this.config.DEVIATION_JUSTIFICATION_MIN_LENGTH,
        });
        const beforeAdvice = row.adviceRequired === true && !row.adviceGivenAt;
        return {
          context: { urgent: row.urgent && Boolean(row.urgentReason) },
          data: {
            decisionOfferId: input.offerId,
            decisionLevel: input.level,
            decisionStartDate: asDate(input.startDate),
            decidedAt: new Date(),
            decidedBeforeAdvice: beforeAdvice,
            followsAdvice: assessment.followsAdvice,
            deviation: assessment.deviation,
            deviationReasons: assessment.deviationReasons,
            deviationJustification: assessment.deviation ? (input.justification ?? null) : null,
          },
          events: [
            event(ReferralDecided, {
              referralId: row.id,
              municipalityCode: row.municipalityCode,
              citizenPseudonym: row.citizenPseudonym,
              targetGroup: row.targetGroup,
              offerId: input.offerId,
              level: input.level,
              startDate: input.startDate,
              followsAdvice: assessment.followsAdvice,
              deviation: assessment.deviation,
              deviationReasons: assessment.deviationReasons,
              urgent: row.urgent,
              decidedBeforeAdvice: beforeAdvice,
            }),
          ],
        };
      },
    );
  }

  /** Sends the decided referral to the offer's operator, who now sees it in its worklist. */
  send(change: ReferralChange): Promise<ReferralRow> {
    return this.transitions.run(
      { ...change, command: 'sendToOffer', scope: municipalScope(change.principal) },
      async (row, tx) => {
        const offer = await this.offers.find(row.decisionOfferId!, tx);
        if (!offer)
          throw new Error(`decided offer ${row.decisionOfferId} is missing from the offer read model`);
        return {
          data: { operatorOrgCode: offer.operatorOrgCode },
          events: [
            event(ReferralSentToOffer, {
              referralId: row.id,
              municipalityCode: row.municipalityCode,
              offerId: offer.id,
              operatorOrgCode: offer.operatorOrgCode,
            }),
          ],
        };
      },
    );
  }
}
