import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { FunctionRejected } from '@platform/contracts';
import { decodeInstantCursor, encodeInstantCursor, pageOf, ProblemException } from '@platform/http';
import { CommandRunner, commandFor, UnitOfWork, type ChangeRequest, type Transition } from '@platform/kit';
import { event } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../database/prisma.service';
import { OfferDirectory } from '../../offer/offer-directory';
import { decideApplication, type ApplicationStatus } from '../domain/application-decision';
import { TargetGroupNotServedError } from '../domain/function.errors';
import type {
  ApproveApplicationInput,
  CreateApplicationInput,
  ListApplicationsQuery,
  RejectApplicationInput,
} from '../dto/application.dto';
import { grantFunction, type FunctionGrant } from '../function-grant';
import { FunctionRepository, type FunctionRow } from '../function.repository';
import {
  ApplicationRepository,
  type ApplicationChanges,
  type ApplicationRow,
  type ApplicationScope,
} from './application.repository';
import { applicationEtag } from './application.view';

/** Why applications are touched (formål), in the audit trail. */
const PURPOSE = 'specialty-planning';

/** An application and the function its approval created, if any. */
export interface ApplicationResult {
  row: ApplicationRow;
  functionId: string | null;
}

export interface ApplicationPage {
  items: ApplicationResult[];
  nextCursor: string | null;
}

type Decision = ApplicationChanges & { function?: FunctionRow };

/** An operator sees its own applications; the state, which decides them, sees all. */
export function applicationScope(principal: Principal): ApplicationScope {
  return principal.orgType === 'state' ? {} : { operatorOrgCode: principal.orgCode };
}

/**
 * Applications for functions (ansøgninger om specialfunktion / rådgivningsfunktion): an operator files one for
 * its own offer with evidence; the state approves it (a function with a validity period, FunctionApproved) or
 * rejects it with a reason (FunctionRejected). A decision is final.
 */
@Injectable()
export class ApplicationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly applications: ApplicationRepository,
    private readonly functions: FunctionRepository,
    private readonly offers: OfferDirectory,
    private readonly audit: AuditTrail,
  ) {}

  async create(
    principal: Principal,
    input: CreateApplicationInput,
    requestId?: string,
  ): Promise<ApplicationResult> {
    const row = await this.uow.run(async (tx: Tx) => {
      const offer = await this.offers.find(input.offerId, tx);
      const own = offer?.operatorOrgType === principal.orgType && offer.operatorOrgCode === principal.orgCode;
      if (!offer || !own) return null;
      if (!offer.targetGroups.includes(input.targetGroup)) {
        throw new TargetGroupNotServedError('/targetGroup', input.targetGroup);
      }
      const now = new Date();
      const created = await this.applications.insert(tx, {
        id: randomUUID(),
        offerId: offer.id,
        operatorOrgType: offer.operatorOrgType,
        operatorOrgCode: offer.operatorOrgCode,
        targetGroup: input.targetGroup,
        functionType: input.functionType,
        yearlyVolume: input.evidence.yearlyVolume,
        competences: input.evidence.competences,
        healthCooperation: input.evidence.healthCooperation,
        status: 'PENDING',
        rejectionReason: null,
        decidedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.record(tx, principal, {
        action: 'function-application.create',
        resource: { type: 'function-application', id: created.id },
        purpose: PURPOSE,
        outcome: 'ALLOWED',
        requestId,
      });
      return created;
    });
    // Another organisation's offer is answered as a missing one: an operator applies for its own offers only.
    if (!row)
      return this.deny(
        principal,
        'function-application.create',
        { type: 'offer', id: input.offerId },
        requestId,
      );
    return { row, functionId: null };
  }

  async get(principal: Principal, id: string, requestId?: string): Promise<ApplicationResult> {
    const row = await this.applications.findInScope(id, applicationScope(principal));
    if (!row)
      return this.deny(
        principal,
        'function-application.read',
        { type: 'function-application', id },
        requestId,
      );
    const functionIds = await this.functions.ofApplications([id]);
    return { row, functionId: functionIds.get(id) ?? null };
  }

  async list(principal: Principal, query: ListApplicationsQuery): Promise<ApplicationPage> {
    const scope = applicationScope(principal);
    const after = query.cursor ? decodeInstantCursor(query.cursor) : undefined;
    const rows = await this.applications.list(
      {
        ...(scope.operatorOrgCode ? { operatorOrgCode: scope.operatorOrgCode } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.offerId ? { offerId: query.offerId } : {}),
      },
      query.limit + 1,
      after,
    );
    const { items, nextCursor } = pageOf(rows, query.limit, (row) =>
      encodeInstantCursor({ at: row.createdAt, id: row.id }),
    );
    const functionIds = await this.functions.ofApplications(items.map((r) => r.id));
    return { items: items.map((row) => ({ row, functionId: functionIds.get(row.id) ?? null })), nextCursor };
  }

  /** Godkendelse: the function, valid for the period given, and FunctionApproved naming this application. */
  approve(command: ChangeRequest, input: ApproveApplicationInput): Promise<ApplicationResult> {
    return this.decide(command, 'approve', (row, status, now) => {
      const grant = grantFunction(
        {
          offerId: row.offerId,
          operatorOrgCode: row.operatorOrgCode,
          targetGroup: row.targetGroup,
          functionType: row.functionType as FunctionGrant['functionType'],
          validFrom: input.validFrom,
          validTo: input.validTo,
          minimumYearlyVolume: input.minimumYearlyVolume,
          applicationId: row.id,
          planVersionId: null,
        },
        now,
      );
      return { change: { status, decidedAt: now, function: grant.row }, events: [grant.event] };
    });
  }

  /** Afslag: the reason is kept and published with FunctionRejected. */
  reject(command: ChangeRequest, input: RejectApplicationInput): Promise<ApplicationResult> {
    return this.decide(command, 'reject', (row, status, now) => ({
      change: { status, decidedAt: now, rejectionReason: input.reason },
      events: [
        event(FunctionRejected, {
          applicationId: row.id,
          offerId: row.offerId,
          operatorOrgCode: row.operatorOrgCode,
          targetGroup: row.targetGroup,
          functionType: row.functionType as FunctionGrant['functionType'],
          reason: input.reason,
        }),
      ],
    }));
  }

  private decide(
    command: ChangeRequest,
    decision: 'approve' | 'reject',
    plan: (row: ApplicationRow, status: ApplicationStatus, now: Date) => Transition<Decision>,
  ): Promise<ApplicationResult> {
    return this.runner.run<ApplicationRow, Decision, ApplicationResult, Tx>({
      ...commandFor(command, 'function-application'),
      action: `function-application.${decision}`,
      purpose: PURPOSE,
      load: (tx) => this.applications.lockInScope(tx, command.id, applicationScope(command.principal)),
      etag: applicationEtag,
      transition: (row) =>
        plan(row, decideApplication(row.status as ApplicationStatus, decision), new Date()),
      save: async (tx, row, { function: fn, ...changes }) => {
        const updated = await this.applications.update(tx, row, changes);
        if (fn) await this.functions.insert(tx, fn);
        return { row: updated, functionId: fn?.id ?? null };
      },
    });
  }

  /** Outside the caller's scope: a DENIED audit event in its own transaction (it must outlive the 404). */
  private async deny(
    principal: Principal,
    action: string,
    resource: { type: string; id: string },
    requestId?: string,
  ): Promise<never> {
    await this.uow.detached(() => this.audit.denied(principal, { action, resource, requestId }));
    throw ProblemException.notFound(`${resource.type} ${resource.id}`);
  }
}
