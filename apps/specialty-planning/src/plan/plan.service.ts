import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { PlanApproved } from '@platform/contracts';
import { todayInDenmark } from '@platform/domain';
import { ProblemException } from '@platform/http';
import { CommandRunner, commandFor, UnitOfWork, type ChangeRequest, type Transition } from '@platform/kit';
import { event } from '@platform/messaging';
import { dateOf, dayOf } from '@platform/persistence';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { TargetGroupNotServedError } from '../function/domain/function.errors';
import { grantFunction, type FunctionGrant } from '../function/function-grant';
import { FunctionRepository, type FunctionRow } from '../function/function.repository';
import { OfferDirectory, type OfferRecord } from '../offer/offer-directory';
import {
  assertApprovable,
  effectiveVersionOn,
  nextPlanStatus,
  supersededBy,
  type ApprovedVersion,
  type PlanStatus,
} from './domain/plan-version';
import { EntryOfferMissingError, UnknownOfferError } from './domain/plan.errors';
import type { CreatePlanInput, ListPlansQuery, PlanEntryInput } from './dto/plan.dto';
import {
  PlanRepository,
  type EntryRow,
  type PlanChanges,
  type PlanRow,
  type PlanWithEntries,
} from './plan.repository';
import { planEtag } from './plan.view';

/** Why plans are touched (formål), in the audit trail. */
const PURPOSE = 'specialty-planning';

type PlanChange = PlanChanges & { entries?: EntryRow[]; functions?: FunctionRow[] };

/**
 * The national specialty plan's versions (rule 1): the state drafts a version with entries, sends it to
 * consultation (høring) and approves it. Approval publishes PlanApproved and approves a function for every
 * entry (FunctionApproved each), all in one transaction with the version's change and its audit record.
 */
@Injectable()
export class PlanService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly plans: PlanRepository,
    private readonly functions: FunctionRepository,
    private readonly offers: OfferDirectory,
    private readonly audit: AuditTrail,
  ) {}

  create(principal: Principal, input: CreatePlanInput, requestId?: string): Promise<PlanWithEntries> {
    return this.uow.run(async (tx: Tx) => {
      await this.checkEntries(tx, input.entries);
      const now = new Date();
      const plan = await this.plans.insert(tx, {
        id: randomUUID(),
        number: await this.plans.nextNumber(tx),
        title: input.title,
        status: 'DRAFT',
        effectiveFrom: dateOf(input.effectiveFrom),
        consultationAt: null,
        approvedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      const entries = await this.plans.replaceEntries(tx, plan.id, entryRows(plan.id, input.entries));
      await this.audit.record(tx, principal, {
        action: 'specialty-plan.create',
        resource: { type: 'specialty-plan', id: plan.id },
        purpose: PURPOSE,
        outcome: 'ALLOWED',
        requestId,
      });
      return { plan, entries };
    });
  }

  /** The draft's entries, replaced as a whole; refused (409) once the version left the draft. */
  replaceEntries(command: ChangeRequest, entries: PlanEntryInput[]): Promise<PlanWithEntries> {
    return this.run(command, 'edit-entries', async (row, tx) => {
      nextPlanStatus(row.status as PlanStatus, 'editEntries');
      await this.checkEntries(tx, entries);
      return { change: { entries: entryRows(row.id, entries) }, events: [] };
    });
  }

  /** Sends the draft to consultation (høring): from now on its entries are what will be approved. */
  startConsultation(command: ChangeRequest): Promise<PlanWithEntries> {
    return this.run(command, 'start-consultation', (row) => ({
      change: {
        status: nextPlanStatus(row.status as PlanStatus, 'startConsultation'),
        consultationAt: new Date(),
      },
      events: [],
    }));
  }

  /** Approves the version: PlanApproved, and a function with FunctionApproved for each entry. */
  approve(command: ChangeRequest): Promise<PlanWithEntries> {
    return this.run(command, 'approve', async (row, tx) => {
      const entries = await this.plans.entries(row.id, tx);
      const status = assertApprovable(row.status as PlanStatus, entries.length);
      await this.plans.serializeApprovals(tx);
      const now = new Date();
      const effectiveFrom = dayOf(row.effectiveFrom);
      const supersedes = supersededBy(
        { id: row.id, number: row.number, effectiveFrom },
        await this.plans.approvedVersions(tx),
      );
      const grants: ReturnType<typeof grantFunction>[] = [];
      for (const entry of entries) {
        const offer = await this.offers.find(entry.offerId, tx);
        if (!offer) throw new EntryOfferMissingError(entry.position);
        grants.push(grantFunction(grantOf(entry, offer, row.id), now));
      }
      const approved = event(PlanApproved, {
        planId: row.id,
        version: row.number,
        effectiveFrom,
        supersedes: supersedes?.number ?? null,
        entries: grants.map(({ row: f }) => ({
          targetGroup: f.targetGroup,
          functionType: f.functionType as FunctionGrant['functionType'],
          offerId: f.offerId,
          validFrom: dayOf(f.validFrom),
          validTo: dayOf(f.validTo),
          minimumYearlyVolume: f.minimumYearlyVolume,
        })),
      });
      return {
        change: { status, approvedAt: now, functions: grants.map((g) => g.row) },
        events: [approved, ...grants.map((g) => g.event)],
      };
    });
  }

  private run(
    command: ChangeRequest,
    action: string,
    transition: (row: PlanRow, tx: Tx) => Promise<Transition<PlanChange>> | Transition<PlanChange>,
  ): Promise<PlanWithEntries> {
    return this.runner.run<PlanRow, PlanChange, PlanWithEntries, Tx>({
      ...commandFor(command, 'specialty-plan'),
      action: `specialty-plan.${action}`,
      purpose: PURPOSE,
      load: (tx) => this.plans.lock(tx, command.id),
      etag: planEtag,
      transition,
      save: async (tx, row, { entries, functions, ...changes }) => {
        const updated = await this.plans.update(tx, row, changes);
        if (entries) await this.plans.replaceEntries(tx, row.id, entries);
        for (const fn of functions ?? []) await this.functions.insert(tx, fn);
        return this.plans.withEntries(updated, tx);
      },
    });
  }

  /** Every entry names an offer of the directory that serves the entry's target group (400 naming the entry). */
  private async checkEntries(tx: Tx, entries: PlanEntryInput[]): Promise<void> {
    const offers = new Map<string, OfferRecord | null>();
    for (const [i, entry] of entries.entries()) {
      if (!offers.has(entry.offerId)) offers.set(entry.offerId, await this.offers.find(entry.offerId, tx));
      const offer = offers.get(entry.offerId);
      if (!offer) throw new UnknownOfferError(`/entries/${i}/offerId`);
      if (!offer.targetGroups.includes(entry.targetGroup)) {
        throw new TargetGroupNotServedError(`/entries/${i}/targetGroup`, entry.targetGroup);
      }
    }
  }

  // ---- reads: any valid token; plans are public planning facts ----

  async get(id: string): Promise<PlanWithEntries> {
    const row = await this.plans.find(id);
    if (!row) throw ProblemException.notFound(`specialty plan ${id}`);
    return this.plans.withEntries(row);
  }

  /** The version in force on the day (today in Denmark by default); 404 when none is. */
  async current(on = todayInDenmark()): Promise<PlanWithEntries> {
    const inForce = effectiveVersionOn(await this.plans.approvedVersions(), on);
    if (!inForce) throw ProblemException.notFound(`a specialty plan version in force on ${on}`);
    return this.get(inForce.id);
  }

  /** Newest version first, each with its number of entries. */
  async list(query: ListPlansQuery): Promise<PlanPage> {
    const rows = await this.plans.list(
      query.status ? { status: query.status } : {},
      query.limit + 1,
      query.cursor === undefined ? undefined : Number(query.cursor),
    );
    const items = rows.slice(0, query.limit);
    const counts = await this.plans.entryCounts(items.map((r) => r.id));
    return {
      items: items.map((plan) => ({ plan, entryCount: counts.get(plan.id) ?? 0 })),
      nextCursor: rows.length > query.limit ? String(items[items.length - 1].number) : null,
    };
  }

  /** What the phase of a version on a day is computed from. */
  approvedVersions(): Promise<ApprovedVersion[]> {
    return this.plans.approvedVersions();
  }
}

export interface PlanPage {
  items: { plan: PlanRow; entryCount: number }[];
  nextCursor: string | null;
}

function entryRows(planId: string, entries: PlanEntryInput[]): EntryRow[] {
  return entries.map((e, position) => ({
    id: randomUUID(),
    planId,
    position,
    targetGroup: e.targetGroup,
    functionType: e.functionType,
    offerId: e.offerId.toLowerCase(),
    validFrom: dateOf(e.validFrom),
    validTo: dateOf(e.validTo),
    minimumYearlyVolume: e.minimumYearlyVolume,
  }));
}

function grantOf(entry: EntryRow, offer: OfferRecord, planVersionId: string): FunctionGrant {
  return {
    offerId: entry.offerId,
    operatorOrgCode: offer.operatorOrgCode,
    targetGroup: entry.targetGroup,
    functionType: entry.functionType as FunctionGrant['functionType'],
    validFrom: dayOf(entry.validFrom),
    validTo: dayOf(entry.validTo),
    minimumYearlyVolume: entry.minimumYearlyVolume,
    applicationId: null,
    planVersionId,
  };
}
