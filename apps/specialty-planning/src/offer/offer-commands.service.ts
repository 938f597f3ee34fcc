import { Injectable } from '@nestjs/common';
import { actorExtension, AuditTrail, type Principal } from '@platform/auth';
import type { RequestMeta } from '@platform/http';
import { CommandRunner, commandFor, UnitOfWork, type ChangeRequest, type Transition } from '@platform/kit';
import { OutboxRelay, OutboxWriter, type PendingEvent } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { operatorOf, type OfferDeclaration, type OfferRegistration, type Operator } from './domain/offer';
import { offerUpdated, placesChanged } from './domain/offer-events';
import {
  assertMayLoseAddress,
  assertParentAllowed,
  changedColumns,
  declaredColumns,
  type DeclaredColumns,
} from './domain/offer-rules';
import { offerEtag } from './offer.http';
import { OfferRepository, type OfferRow } from './offer.repository';

/** An edit as decided inside the transaction: the columns that change, and interventions that move with it. */
export interface EditPlan {
  changes: Partial<DeclaredColumns & { places: number }>;
  interventions: OfferRow[];
}

const PURPOSE = 'planning';

/**
 * The operator's commands on its offers: register, edit, set places. The API and the HSDS import decide a
 * change the same way (planEdit) and emit the same events, so a region's file and its hand-typed edits agree.
 */
@Injectable()
export class OfferCommands {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly offers: OfferRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  /** Registers an offer (version 1) for the caller's organisation; `id` is given by an HSDS import only. */
  async register(
    principal: Principal,
    input: OfferRegistration,
    meta: RequestMeta,
    id: string = randomUUID(),
  ): Promise<OfferRow> {
    const row = await this.uow.run(async (tx: Tx) => {
      const operator = operatorOf(principal);
      const parent = await this.parentFor(tx, input, operator, id);
      const now = new Date();
      const created = await this.offers.insert(tx, {
        id,
        version: 1,
        operatorOrgType: operator.orgType,
        operatorOrgCode: operator.orgCode,
        privateProviderCvr: input.privateProvider?.cvr ?? null,
        privateProviderName: input.privateProvider?.name ?? null,
        places: input.places,
        ...declaredColumns(input, parent),
        createdAt: now,
        updatedAt: now,
      });
      await this.record(tx, principal, 'offer.register', created.id, [offerUpdated(created)], meta);
      return created;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return row;
  }

  /** PUT /offers/:id: the operator's new declaration; 404 for another organisation's offer. */
  edit(change: ChangeRequest, input: OfferDeclaration): Promise<OfferRow> {
    const operator = operatorOf(change.principal);
    return this.runner.run<OfferRow, EditPlan, OfferRow, Tx>({
      ...this.onOffer(change, 'offer.edit'),
      transition: (row, tx) => this.planEdit(tx, operator, row, input),
      save: (tx, row, plan) => this.applyEdit(tx, row, plan),
    });
  }

  /** PUT /offers/:id/places: a new number of places (never below 0: the schema refuses it). */
  setPlaces(change: ChangeRequest, places: number): Promise<OfferRow> {
    return this.runner.run<OfferRow, { places?: number }, OfferRow, Tx>({
      ...this.onOffer(change, 'offer.places'),
      transition: (row) => {
        if (row.places === places) return { change: {}, events: [] };
        const next = { ...row, places, version: row.version + 1 };
        return { change: { places }, events: [placesChanged(next, row.places), offerUpdated(next)] };
      },
      save: async (tx, row, changes) =>
        changes.places === undefined ? row : this.offers.update(tx, row, changes),
    });
  }

  /**
   * Decides an edit on the locked row: rule 9 for a parent, the columns that change (none: no new version,
   * no event) and, when the address moves to another municipality, the interventions declared under it.
   * `places` is given by an HSDS import only (the API sets places on their own endpoint).
   */
  async planEdit(tx: Tx, operator: Operator, row: OfferRow, input: OfferDeclaration, places?: number) {
    const parent = await this.parentFor(tx, input, operator, row.id);
    if (parent && row.parentOfferId === null) {
      assertMayLoseAddress((await this.offers.lockInterventions(tx, row.id)).length);
    }
    const changes: EditPlan['changes'] = changedColumns(row, declaredColumns(input, parent));
    if (places !== undefined && places !== row.places) changes.places = places;
    if (Object.keys(changes).length === 0) return { change: { changes, interventions: [] }, events: [] };
    const next: OfferRow = { ...row, ...changes, version: row.version + 1 };
    const moved = changes.municipalityCode !== undefined && next.parentOfferId === null;
    const interventions = moved ? await this.offers.lockInterventions(tx, row.id) : [];
    const events = [
      ...(changes.places === undefined ? [] : [placesChanged(next, row.places)]),
      offerUpdated(next),
      ...interventions.map((c) =>
        offerUpdated({ ...c, municipalityCode: next.municipalityCode, version: c.version + 1 }),
      ),
    ];
    return { change: { changes, interventions }, events } satisfies Transition<EditPlan>;
  }

  async applyEdit(tx: Tx, row: OfferRow, plan: EditPlan): Promise<OfferRow> {
    if (Object.keys(plan.changes).length === 0) return row;
    const saved = await this.offers.update(tx, row, plan.changes);
    for (const child of plan.interventions) {
      await this.offers.update(tx, child, { municipalityCode: saved.municipalityCode });
    }
    return saved;
  }

  /** A change's events and its audit event, in the change's transaction (what CommandRunner does for a command). */
  async record(
    tx: Tx,
    principal: Principal,
    action: string,
    id: string,
    events: PendingEvent[],
    meta: RequestMeta,
  ): Promise<void> {
    for (const pending of events) {
      await this.outbox.append(tx, pending.definition, {
        subject: pending.subject ?? id,
        data: pending.data,
        extensions: actorExtension(principal),
      });
    }
    await this.audit.record(tx, principal, {
      action,
      resource: { type: 'offer', id },
      purpose: PURPOSE,
      outcome: 'ALLOWED',
      requestId: meta.requestId,
    });
  }

  /** The parent a declaration names, locked and checked against rule 9; null for an offer with an address. */
  private async parentFor(tx: Tx, input: OfferDeclaration, operator: Operator, selfId: string) {
    if (input.address || !input.parentOfferId) return null;
    const parent = await this.offers.lock(tx, input.parentOfferId);
    assertParentAllowed(parent, operator, selfId);
    return parent;
  }

  private onOffer(change: ChangeRequest, action: string) {
    const operator = operatorOf(change.principal);
    return {
      ...commandFor(change, 'offer'),
      action,
      purpose: PURPOSE,
      load: (tx: Tx) => this.offers.lockOwn(tx, change.id, operator),
      etag: offerEtag,
    };
  }
}
