import { Injectable } from '@nestjs/common';
import { AuditTrail, hasRole, type Principal } from '@platform/auth';
import { GuidelinePublished, GuidelineRetired } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { ProblemException, type RequestMeta } from '@platform/http';
import { CommandRunner, commandFor, UnitOfWork, type ChangeRequest } from '@platform/kit';
import { event, OutboxRelay, type PendingEvent } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { answersFor } from '../environment/domain/advisory-function';
import { EnvironmentRepository } from '../environment/environment.repository';
import { GuidelineAuthorForbiddenError } from './domain/guideline.errors';
import {
  currentDraft,
  nextDraftNumber,
  publication,
  withdrawal,
  type VersionState,
} from './domain/guideline-lifecycle';
import type { CreateGuidelineInput, RetireInput, VersionTextInput } from './dto/guideline.dto';
import { isAuthor } from './guideline-access';
import { GuidelineRepository, type GuidelineAggregate, type VersionRow } from './guideline.repository';
import { guidelineEtag } from './guideline.view';

type Scope = (principal: Principal, a: GuidelineAggregate) => boolean;
/** What a command does to the versions, decided from them: updates, a new version, events. */
interface Plan {
  updates: { id: string; changes: Partial<VersionRow> }[];
  insert?: VersionRow;
  events: PendingEvent[];
}

const authorOnly: Scope = (p, a) => isAuthor(p, a.guideline);
const stateOrAuthor: Scope = (p, a) => p.orgType === 'state' || isAuthor(p, a.guideline);
const states = (a: GuidelineAggregate): VersionState[] =>
  a.versions.map((v) => ({ id: v.id, number: v.number, status: v.status as VersionState['status'] }));

/**
 * Guidelines (visitationsretningslinjer) and pathway descriptions (forløbsbeskrivelser): written by the advisors
 * of an advisory function for the target group, published after the state approves, retired when superseded or
 * withdrawn. Every change goes through the command runner: the row locked, If-Match, its events and audit.
 */
@Injectable()
export class GuidelineService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly guidelines: GuidelineRepository,
    private readonly roster: EnvironmentRepository,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  async create(
    principal: Principal,
    input: CreateGuidelineInput,
    meta: RequestMeta,
  ): Promise<GuidelineAggregate> {
    await this.requireAuthorOf(principal, input.targetGroup);
    const now = new Date();
    const id = randomUUID();
    const created = await this.uow.run(async (tx: Tx) => {
      const aggregate = await this.guidelines.insert(
        tx,
        {
          id,
          kind: input.kind,
          targetGroup: input.targetGroup,
          authorOrgType: principal.orgType,
          authorOrgCode: principal.orgCode,
          createdBy: principal.subject,
          createdAt: now,
          updatedAt: now,
        },
        draft(id, 1, input, principal, now),
      );
      await this.audit.record(tx, principal, {
        action: 'guideline.create',
        resource: { type: 'guideline', id },
        purpose: 'guidance',
        outcome: 'ALLOWED',
        requestId: meta.requestId,
      });
      return aggregate;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return created;
  }

  /** Changes the draft's text (the author's advisors). */
  reviseDraft(change: ChangeRequest, input: VersionTextInput) {
    return this.command(change, 'guideline.revise-draft', authorOnly, (a) => {
      const target = currentDraft(states(a), 'change the draft');
      return {
        updates: [{ id: target.id, changes: { ...input, changeNote: input.changeNote ?? null } }],
        events: [],
      };
    });
  }

  /** A new draft version from the author, while no other draft exists. */
  newVersion(change: ChangeRequest, input: VersionTextInput) {
    return this.command(change, 'guideline.new-version', authorOnly, (a) => ({
      updates: [],
      insert: draft(a.guideline.id, nextDraftNumber(states(a)), input, change.principal, new Date()),
      events: [],
    }));
  }

  /** The state approves and publishes the draft; the version in force until now is retired (superseded). */
  publish(change: ChangeRequest) {
    return this.command(
      change,
      'guideline.publish',
      () => true,
      (a) => {
        const { publish, supersede } = publication(states(a));
        const now = new Date();
        const at = now.toISOString();
        const ref = (v: VersionState) => this.ref(a, v);
        const published = a.versions.find((v) => v.id === publish.id) as VersionRow;
        const events: PendingEvent[] = [
          event(GuidelinePublished, {
            ...ref(publish),
            title: published.title,
            authorOrgCode: a.guideline.authorOrgCode,
            publishedAt: at,
            supersedesVersion: supersede?.number ?? null,
          }),
        ];
        const updates: Plan['updates'] = [
          {
            id: publish.id,
            changes: { status: 'PUBLISHED', publishedAt: now, approvedBy: change.principal.subject },
          },
        ];
        if (supersede) {
          updates.push({
            id: supersede.id,
            changes: { status: 'RETIRED', retiredAt: now, retireCause: 'SUPERSEDED' },
          });
          events.push(
            event(GuidelineRetired, { ...ref(supersede), cause: 'SUPERSEDED', reason: null, retiredAt: at }),
          );
        }
        return { updates, events };
      },
    );
  }

  /** Withdraws the version in force with a reason (the state, or the author's advisors). */
  retire(change: ChangeRequest, input: RetireInput) {
    if (change.principal.orgType !== 'state' && !hasRole(change.principal, 'advisor'))
      throw ProblemException.forbidden(
        "only the state's planners or the author's advisors retire a guideline",
      );
    return this.command(change, 'guideline.retire', stateOrAuthor, (a) => {
      const target = withdrawal(states(a));
      const now = new Date();
      return {
        updates: [
          {
            id: target.id,
            changes: {
              status: 'RETIRED',
              retiredAt: now,
              retireCause: 'WITHDRAWN',
              retireReason: input.reason,
            },
          },
        ],
        events: [
          event(GuidelineRetired, {
            ...this.ref(a, target),
            cause: 'WITHDRAWN',
            reason: input.reason,
            retiredAt: now.toISOString(),
          }),
        ],
      };
    });
  }

  private ref(a: GuidelineAggregate, v: VersionState) {
    return {
      guidelineId: a.guideline.id,
      versionId: v.id,
      version: v.number,
      kind: a.guideline.kind as 'GUIDELINE' | 'PATHWAY',
      targetGroup: a.guideline.targetGroup,
    };
  }

  private command(
    change: ChangeRequest,
    action: string,
    scope: Scope,
    plan: (a: GuidelineAggregate) => Plan,
  ) {
    return this.runner.run<GuidelineAggregate, Plan, GuidelineAggregate, Tx>({
      ...commandFor(change, 'guideline'),
      action,
      purpose: 'guidance',
      load: async (tx) => {
        const found = await this.guidelines.find(change.id, tx, 'FOR UPDATE');
        return found && scope(change.principal, found) ? found : null;
      },
      etag: guidelineEtag,
      transition: (a) => {
        const p = plan(a);
        return { change: p, events: p.events };
      },
      save: async (tx, a, p) => {
        for (const u of p.updates) await this.guidelines.updateVersion(tx, u.id, u.changes);
        if (p.insert) await this.guidelines.insertVersion(tx, p.insert);
        return this.guidelines.touch(tx, a.guideline);
      },
    });
  }

  /** Only the advisors of an organisation answering for an active advisory function of the group write for it. */
  private async requireAuthorOf(principal: Principal, targetGroup: string): Promise<void> {
    if (principal.orgType === 'state') return;
    const today = todayInDenmark();
    const functions = await this.roster.functionsFor(targetGroup);
    const org = { orgType: principal.orgType, orgCode: principal.orgCode };
    if (
      !functions.some(
        (f) => f.offerActive && f.validFrom <= today && today <= f.validTo && answersFor(f, today, org),
      )
    )
      throw new GuidelineAuthorForbiddenError();
  }
}

function draft(
  guidelineId: string,
  number: number,
  input: VersionTextInput,
  p: Principal,
  now: Date,
): VersionRow {
  return {
    id: randomUUID(),
    guidelineId,
    number,
    title: input.title,
    body: input.body,
    changeNote: input.changeNote ?? null,
    status: 'DRAFT',
    createdBy: p.subject,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    approvedBy: null,
    retiredAt: null,
    retireCause: null,
    retireReason: null,
  };
}
