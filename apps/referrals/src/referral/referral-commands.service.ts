import { Inject, Injectable } from '@nestjs/common';
import { ReferralAdviceRequired, ReferralSubmitted, ReferralWithdrawn } from '@platform/contracts';
import { adviceDeadlineMs, REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config';
import { ResponsibilityRepository } from '../planning/responsibility.repository';
import { assessAdviceRequirement } from './domain/advice-requirement';
import { responsibilityOn, type SpecialisationLevel } from '@platform/domain';
import type { WithdrawInput } from './dto/commands.dto';
import { event, ReferralTransitions, type PendingEvent } from './referral-transitions';
import { municipalScope } from './referral-scope';
import type { ReferralRow } from './referral.repository';
import type { ReferralChange } from './referral.http';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The referring municipality's commands: submit (with the advice rule) and withdraw. */
@Injectable()
export class ReferralCommands {
  constructor(
    private readonly transitions: ReferralTransitions,
    private readonly responsibility: ResponsibilityRepository,
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
  ) {}

  /** Indsend: computes whether specialist advice is mandatory (rule 3) and, if so, its deadline. */
  submit(change: ReferralChange): Promise<ReferralRow> {
    return this.transitions.run(
      { ...change, command: 'submit', scope: municipalScope(change.principal) },
      async (row, tx) => {
        const changes = await this.responsibility.changesFor(row.targetGroup, tx);
        const advice = assessAdviceRequirement({
          assessedLevel: row.assessedLevel as SpecialisationLevel,
          caseworkerDoubt: row.caseworkerDoubt,
          targetGroup: row.targetGroup,
          referralDate: isoDate(row.referralDate),
          responsibility: (group, date) => responsibilityOn(changes, group, date),
        });
        const dueAt = advice.required ? new Date(Date.now() + adviceDeadlineMs(this.config)) : null;
        const ref = { referralId: row.id, municipalityCode: row.municipalityCode };
        const events: PendingEvent[] = [
          event(ReferralSubmitted, {
            ...ref,
            status: advice.required ? 'AWAITING_ADVICE' : 'READY_FOR_DECISION',
            adviceRequired: advice.required,
            adviceReasons: advice.reasons,
          }),
        ];
        if (dueAt) {
          events.push(
            event(ReferralAdviceRequired, {
              ...ref,
              citizenPseudonym: row.citizenPseudonym,
              targetGroup: row.targetGroup,
              assessedLevel: row.assessedLevel as SpecialisationLevel,
              ageGroup: row.ageGroup as 'CHILD' | 'YOUTH' | 'ADULT',
              reasons: advice.reasons,
              adviceDueAt: dueAt.toISOString(),
            }),
          );
        }
        return {
          context: { adviceRequired: advice.required },
          data: { adviceRequired: advice.required, adviceReasons: advice.reasons, adviceDueAt: dueAt },
          events,
        };
      },
    );
  }

  withdraw(change: ReferralChange, input: WithdrawInput) {
    return this.transitions.run(
      { ...change, command: 'withdraw', scope: municipalScope(change.principal) },
      async (row) => ({
        data: { withdrawnReason: input.reason },
        events: [
          event(ReferralWithdrawn, {
            referralId: row.id,
            municipalityCode: row.municipalityCode,
            previousStatus: row.status,
          }),
        ],
      }),
    );
  }
}
