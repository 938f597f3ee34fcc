import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { AdviceCaseDeclined, AdviceCaseReassigned, AdviceGiven, type EventData } from '@platform/contracts';
import { regionOfMunicipality } from '@platform/domain';
import { CommandRunner, commandFor, UnitOfWork, type ChangeRequest, type Transition } from '@platform/kit';
import { event, type PendingEvent } from '@platform/messaging';
import { dayOf } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import { EnvironmentRepository } from '../environment/environment.repository';
import { GuidelineRepository } from '../guideline/guideline.repository';
import { MetricsPublisher } from '../metrics/metrics.publisher';
import { answerScope, type CaseScope } from './advice-case-scope';
import {
  assignmentColumns,
  assignmentFromRow,
  AdviceCaseRepository,
  type AdviceCaseChanges,
  type AdviceCaseRow,
} from './advice-case.repository';
import { adviceCaseEtag, assignmentOf } from './advice-case.view';
import { nextStatus, type AdviceCaseCommand, type AdviceCaseStatus } from './domain/advice-case-lifecycle';
import {
  AlreadyAssignedError,
  GuidelineNotCitableError,
  NationalCannotDeclineError,
  NotACandidateFunctionError,
} from './domain/advice-case.errors';
import { assignAdviceCase, placedCandidates, sameAssignment, type Assignment } from './domain/assignment';
import { isOnTime } from './domain/deadline';
import type { DeclineInput, GiveAdviceInput, ReassignInput } from './dto/advice-case.dto';

/** A change decided from the locked case: the new columns, a new assignment (if any), the events. */
interface Step {
  data: AdviceCaseChanges;
  reassigned?: { to: Assignment; cause: 'REASSIGNED' | 'DECLINED'; reason: string };
  events: PendingEvent[];
}

type Change = Step & { status: string };

/**
 * What the advisors of the assigned function do with a case: reassign it, decline it (it moves on in the
 * assignment order), or give advice (AdviceGiven reaches the referral over Kafka). Each is one command on the
 * kit's runner: the case locked in the caller's answer scope (404 outside), If-Match, the lifecycle, its events
 * and audit, and the function's metrics, in one transaction.
 */
@Injectable()
export class AdviceCaseCommands {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly cases: AdviceCaseRepository,
    private readonly roster: EnvironmentRepository,
    private readonly guidelines: GuidelineRepository,
    private readonly metrics: MetricsPublisher,
  ) {}

  /** Omfordeling: to another approved function for the target group, or to the national function. */
  reassign(change: ChangeRequest, input: ReassignInput): Promise<AdviceCaseRow> {
    return this.run(change, 'reassign', async (row, tx) => {
      const to = await this.chosenFunction(tx, row, input.advisoryFunctionId);
      if (sameAssignment(to, assignmentFromRow(row))) throw new AlreadyAssignedError();
      return this.moveTo(row, to, 'REASSIGNED', input.reason, []);
    });
  }

  /** Afvisning: the function declines with a reason; the case goes to the next in the assignment order. */
  decline(change: ChangeRequest, input: DeclineInput): Promise<AdviceCaseRow> {
    return this.run(change, 'decline', async (row, tx) => {
      if (!row.advisoryFunctionId) throw new NationalCannotDeclineError();
      const declined = [...row.declinedFunctionIds, row.advisoryFunctionId];
      const to = assignAdviceCase({
        targetGroup: row.targetGroup,
        municipalityCode: row.municipalityCode,
        on: dayOf(row.caseDate),
        functions: await this.roster.functionsFor(row.targetGroup, tx),
        exclude: declined,
      });
      const step = this.moveTo(row, to, 'DECLINED', input.reason, [
        event(AdviceCaseDeclined, { ...caseRef(row), declinedBy: assignmentOf(row), reason: input.reason }),
      ]);
      return { ...step, data: { ...step.data, declinedFunctionIds: declined } };
    });
  }

  /** Rådgivning: level, offer (and type), rationale, the guideline version it rests on. */
  giveAdvice(change: ChangeRequest, input: GiveAdviceInput): Promise<AdviceCaseRow> {
    return this.run(change, 'giveAdvice', async (row, tx) => {
      const guideline = input.guidelineVersionId
        ? await this.guidelines.findCitable(input.guidelineVersionId, row.targetGroup, tx)
        : null;
      if (input.guidelineVersionId && !guideline) throw new GuidelineNotCitableError();
      const givenAt = new Date();
      const onTime = isOnTime(row.dueAt, givenAt);
      const events: PendingEvent[] = [];
      // The contract names a referral: a case in doubt without one is answered through the API only.
      if (row.referralId) {
        const data: EventData<typeof AdviceGiven> = {
          adviceCaseId: row.id,
          referralId: row.referralId,
          municipalityCode: row.municipalityCode,
          advisorOrgCode: row.advisorOrgCode,
          level: input.level,
          offerId: input.offerId,
          rationale: input.rationale,
          givenAt: givenAt.toISOString(),
          targetGroup: row.targetGroup,
          onTime,
          ...(input.offerType ? { offerType: input.offerType } : {}),
          ...(guideline
            ? {
                guidelineVersionId: guideline.versionId,
                guidelineId: guideline.guidelineId,
                guidelineVersion: guideline.number,
              }
            : {}),
        };
        events.push(event(AdviceGiven, data));
      }
      return {
        data: {
          adviceLevel: input.level,
          adviceOfferId: input.offerId,
          adviceOfferType: input.offerType ?? null,
          adviceRationale: input.rationale,
          adviceGuidelineVersionId: guideline?.versionId ?? null,
          adviceGivenAt: givenAt,
          adviceGivenBy: change.principal.subject,
          adviceOnTime: onTime,
        },
        events,
      };
    });
  }

  /** The function the advisor chose, as a candidate on the case's date; none named: the national function. */
  private async chosenFunction(
    tx: Tx,
    row: AdviceCaseRow,
    functionId: string | undefined,
  ): Promise<Assignment> {
    const on = dayOf(row.caseDate);
    const functions = await this.roster.functionsFor(row.targetGroup, tx);
    const request = { targetGroup: row.targetGroup, municipalityCode: row.municipalityCode, on, functions };
    if (!functionId) {
      const national = placedCandidates(request).find((c) => c.regionCode === null);
      return national
        ? assignAdviceCase({ ...request, functions: [national.fn] })
        : assignAdviceCase({ ...request, functions: [] });
    }
    const chosen = placedCandidates({ ...request, exclude: row.declinedFunctionIds }).find(
      (c) => c.fn.id === functionId,
    );
    if (!chosen) throw new NotACandidateFunctionError();
    const assigned = assignAdviceCase({ ...request, functions: [chosen.fn] });
    const home = regionOfMunicipality(row.municipalityCode, on).code;
    // The kind says how far from the citizen the case went: the own region, another, or national.
    return {
      ...assigned,
      kind:
        chosen.regionCode === null
          ? 'NATIONAL'
          : chosen.regionCode === home
            ? 'OWN_REGION'
            : 'NEAREST_REGION',
    };
  }

  private moveTo(
    row: AdviceCaseRow,
    to: Assignment,
    cause: 'REASSIGNED' | 'DECLINED',
    reason: string,
    before: PendingEvent[],
  ): Step {
    return {
      data: assignmentColumns(to),
      reassigned: { to, cause, reason },
      events: [
        ...before,
        event(AdviceCaseReassigned, {
          ...caseRef(row),
          targetGroup: row.targetGroup,
          from: assignmentOf(row),
          to: assignmentOf({ ...row, ...assignmentColumns(to) }),
          cause,
          reason,
        }),
      ],
    };
  }

  /** One command: the case in the caller's answer scope, the lifecycle, the step, then the metrics. */
  private run(
    change: ChangeRequest,
    command: AdviceCaseCommand,
    plan: (row: AdviceCaseRow, tx: Tx) => Promise<Step>,
  ): Promise<AdviceCaseRow> {
    const scope: CaseScope = answerScope(change.principal);
    return this.uow.run(async (tx: Tx) => {
      const saved = await this.runner.run<AdviceCaseRow, Change, AdviceCaseRow, Tx>({
        ...commandFor(change, 'advice-case'),
        tx,
        action: `advice-case.${command}`,
        purpose: 'advice',
        load: (t) => this.cases.lockInScope(t, change.id, scope),
        etag: adviceCaseEtag,
        citizenPseudonym: (row) => row.citizenPseudonym ?? undefined,
        // Reassign, decline, advice: under the case's id (the referral's), not the advisor's request id.
        correlationId: (row) => row.correlationId,
        transition: async (row, t): Promise<Transition<Change>> => {
          const status = nextStatus(row.status as AdviceCaseStatus, command);
          const step = await plan(row, t);
          return { change: { ...step, status }, events: step.events };
        },
        save: (t, row, c) => this.save(t, row, c, change.principal),
      });
      if (command === 'giveAdvice') await this.metrics.publish(tx, saved, change.principal);
      return saved;
    });
  }

  private async save(tx: Tx, row: AdviceCaseRow, c: Change, principal: Principal): Promise<AdviceCaseRow> {
    const saved = await this.cases.update(tx, row, { ...c.data, status: c.status });
    if (c.reassigned) {
      await this.cases.recordAssignment(tx, row.id, c.reassigned.to, {
        cause: c.reassigned.cause,
        reason: c.reassigned.reason,
        by: principal.subject,
        at: new Date(),
      });
    }
    return saved;
  }
}

function caseRef(row: AdviceCaseRow) {
  return { adviceCaseId: row.id, referralId: row.referralId, municipalityCode: row.municipalityCode };
}
