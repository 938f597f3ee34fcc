import { Injectable } from '@nestjs/common';
import { actorExtension, AuditTrail, type Principal } from '@platform/auth';
import {
  AdviceCaseAssigned,
  AdviceCaseOpened,
  type EventData,
  type ReferralAdviceRequired,
} from '@platform/contracts';
import { findMunicipality, findTargetGroup } from '@platform/domain';
import type { RequestMeta } from '@platform/http';
import { CommandRunner, UnitOfWork } from '@platform/kit';
import { correlationIdOrNew, OutboxRelay, OutboxWriter, PermanentEventError } from '@platform/messaging';
import { dateOf } from '@platform/persistence';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { EnvironmentRepository } from '../environment/environment.repository';
import { assignmentColumns, AdviceCaseRepository, type AdviceCaseRow } from './advice-case.repository';
import { assignmentOf } from './advice-case.view';
import { DeadlineRuleRepository } from './deadline-rule.repository';
import { AdviceCaseExistsError, UnknownTargetGroupError } from './domain/advice-case.errors';
import { assignAdviceCase } from './domain/assignment';
import { adviceDeadline, workingDaysFor } from './domain/deadline';
import type { OpenCaseInput } from './dto/advice-case.dto';

/** What a new case is about, from the referral event or the municipality's request. */
interface CaseFacts {
  referralId: string | null;
  origin: 'REFERRAL' | 'MUNICIPALITY';
  municipalityCode: string;
  citizenPseudonym: string | null;
  targetGroup: string;
  ageGroup: string | null;
  assessedLevel: string | null;
  reasons: string[];
  question: string | null;
}

/**
 * Opening an advice case (rådgivningssag): its deadline from the rule set in working days, its assignment
 * (own region → nearest region → national), the row, its history, the events opened and assigned, and the
 * audit event, in one transaction. A referral gets at most one case, however often its event arrives.
 */
@Injectable()
export class AdviceCaseOpening {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: AdviceCaseRepository,
    private readonly roster: EnvironmentRepository,
    private readonly rules: DeadlineRuleRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
    private readonly runner: CommandRunner,
  ) {}

  /** dk.social.referral.advice-required.v1, in the inbox's transaction: a second delivery opens nothing. */
  async fromReferral(tx: Tx, e: EventData<typeof ReferralAdviceRequired>): Promise<AdviceCaseRow | null> {
    // A municipality code that names none cannot be placed, however often it is tried: park the event.
    if (!findMunicipality(e.municipalityCode))
      throw new PermanentEventError(`advice-required names unknown municipality ${e.municipalityCode}`);
    return this.open(
      tx,
      this.runner.system,
      {
        referralId: e.referralId,
        origin: 'REFERRAL',
        municipalityCode: e.municipalityCode,
        citizenPseudonym: e.citizenPseudonym,
        targetGroup: e.targetGroup,
        ageGroup: e.ageGroup,
        assessedLevel: e.assessedLevel,
        reasons: e.reasons,
        question: null,
      },
      {},
    );
  }

  /** A municipality asks for advice on a case in doubt (tvivlssag), with or without a referral of its own. */
  async byMunicipality(
    principal: Principal,
    input: OpenCaseInput,
    meta: RequestMeta,
  ): Promise<AdviceCaseRow> {
    if (!findTargetGroup(input.targetGroup) && !(await this.roster.hasTargetGroup(input.targetGroup)))
      throw new UnknownTargetGroupError();
    const facts: CaseFacts = {
      referralId: input.referralId ?? null,
      origin: 'MUNICIPALITY',
      municipalityCode: principal.orgCode,
      citizenPseudonym: input.citizenPseudonym ?? null,
      targetGroup: input.targetGroup,
      ageGroup: input.ageGroup ?? null,
      assessedLevel: input.assessedLevel ?? null,
      reasons: ['CASEWORKER_DOUBT'],
      question: input.question,
    };
    const row = await this.uow.run((tx: Tx) => this.open(tx, principal, facts, meta));
    if (row) return row;
    // The referral has a case: its id is told only to the municipality that owns it.
    const existing = await this.cases.findByReferral(facts.referralId as string);
    throw new AdviceCaseExistsError(
      existing?.municipalityCode === principal.orgCode ? existing.id : undefined,
    );
  }

  private async open(tx: Tx, principal: Principal, facts: CaseFacts, meta: RequestMeta) {
    const openedAt = new Date();
    const workingDays = workingDaysFor(await this.rules.rulesFor(facts.targetGroup, tx), facts.targetGroup);
    const deadline = adviceDeadline(openedAt, workingDays);
    const assignment = assignAdviceCase({
      targetGroup: facts.targetGroup,
      municipalityCode: facts.municipalityCode,
      on: deadline.caseDate,
      functions: await this.roster.functionsFor(facts.targetGroup, tx),
    });
    const row = await this.cases.insertUnlessExists(tx, {
      id: randomUUID(),
      ...facts,
      status: 'ASSIGNED',
      caseDate: dateOf(deadline.caseDate),
      openedAt,
      workingDays,
      dueDate: dateOf(deadline.dueDate),
      dueAt: deadline.dueAt,
      overdueAt: null,
      ...assignmentColumns(assignment),
      declinedFunctionIds: [],
      adviceLevel: null,
      adviceOfferId: null,
      adviceOfferType: null,
      adviceRationale: null,
      adviceGuidelineVersionId: null,
      adviceGivenAt: null,
      adviceGivenBy: null,
      adviceOnTime: null,
      followsAdvice: null,
      deviation: null,
      decidedAt: null,
      createdBy: principal.subject,
      // The referral's case id when the referral event opened it (the inbox runs in it), else the request's.
      correlationId: correlationIdOrNew(),
      createdAt: openedAt,
      updatedAt: openedAt,
    });
    if (!row) return null;
    await this.cases.recordAssignment(tx, row.id, assignment, {
      cause: 'OPENED',
      reason: null,
      by: principal.subject,
      at: openedAt,
    });
    await this.announce(tx, principal, row);
    await this.audit.record(tx, principal, {
      correlationId: row.correlationId,
      action: 'advice-case.open',
      resource: { type: 'advice-case', id: row.id },
      citizenPseudonym: row.citizenPseudonym ?? undefined,
      purpose: 'advice',
      outcome: 'ALLOWED',
      requestId: meta.requestId,
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return row;
  }

  private async announce(tx: Tx, principal: Principal, row: AdviceCaseRow): Promise<void> {
    const ref = { adviceCaseId: row.id, referralId: row.referralId, municipalityCode: row.municipalityCode };
    const extensions = actorExtension(principal);
    const correlationId = row.correlationId;
    await this.outbox.append(tx, AdviceCaseOpened, {
      subject: row.id,
      data: {
        ...ref,
        origin: row.origin as 'REFERRAL' | 'MUNICIPALITY',
        citizenPseudonym: row.citizenPseudonym,
        targetGroup: row.targetGroup,
        ageGroup: row.ageGroup as 'CHILD' | 'YOUTH' | 'ADULT' | null,
        assessedLevel: row.assessedLevel as 'GENERAL' | 'LIGHT' | 'MODERATE' | 'HIGH' | null,
        openedAt: row.openedAt.toISOString(),
        dueDate: row.dueDate.toISOString().slice(0, 10),
        dueAt: row.dueAt.toISOString(),
      },
      extensions,
      correlationId,
    });
    await this.outbox.append(tx, AdviceCaseAssigned, {
      subject: row.id,
      data: {
        ...ref,
        targetGroup: row.targetGroup,
        assignment: assignmentOf(row),
        dueAt: row.dueAt.toISOString(),
      },
      extensions,
      correlationId,
    });
  }
}
