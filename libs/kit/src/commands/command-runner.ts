import { Injectable } from '@nestjs/common';
import { actorExtension, AuditTrail, type Principal } from '@platform/auth';
import { ProblemException } from '@platform/http';
import {
  OutboxRelay,
  OutboxWriter,
  withCorrelation,
  type PendingEvent,
  type SqlTransaction,
} from '@platform/messaging';
import { UnitOfWork } from '../database/unit-of-work';
import { checkIfMatch } from './if-match';
import { isSystemPrincipal, systemPrincipal } from './system-principal';

export { isSystemPrincipal, systemPrincipal } from './system-principal';

/** What a command decided, from the current state: the change to save and the events it causes. */
export interface Transition<C> {
  change: C;
  events: PendingEvent[];
}

/**
 * One change to one resource, described so the runner can do every step the same way for every service.
 * `Row` is the loaded state, `C` the change a transition decides, `R` what saving returns.
 */
export interface Command<Row, C, R, T = SqlTransaction> {
  /** A caller's principal, or `runner.system` when the service acts on an event or a schedule. */
  principal: Principal;
  requestId?: string;
  /** Not checked for `runner.system`: an event has no ETag to send; the row lock orders it instead. */
  ifMatch: string | undefined;
  /** A transaction to run in instead of the unit of work's: the inbox's, so the effect commits with its id. */
  tx?: T;
  resource: { type: string; id: string };
  /** Audit action, e.g. `referral.submit`. */
  action: string;
  /** Why citizen data is touched (formål), e.g. `visitation`. */
  purpose: string;
  /** Loads and locks the resource in the caller's scope; null outside it (answered 404). */
  load(tx: T): Promise<Row | null>;
  etag(row: Row): string;
  citizenPseudonym?(row: Row): string | undefined;
  /**
   * The correlation id the resource keeps for its case (the request or event that created it): the command's
   * events and audit row carry it instead of the current request's id (docs/events.md). Null/absent: current.
   */
  correlationId?(row: Row): string | null | undefined;
  /** The rule: pure where it can be, given the locked row; throws a domain error when not allowed. */
  transition(row: Row, tx: T): Promise<Transition<C>> | Transition<C>;
  save(tx: T, row: Row, change: C): Promise<R>;
}

/** A change that transitions no loaded row: a new resource, an entry appended to a timeline. */
export interface Recording<R, T = SqlTransaction> {
  principal: Principal;
  requestId?: string;
  /** Audit action, e.g. `takeover.request`. */
  action: string;
  /** Why the data is touched (formål), e.g. `planning`. */
  purpose: string;
  /** Writes the change: what was saved, the resource it is (audited; the events' default subject), its events. */
  write(tx: T): Promise<{ saved: R; resource: { type: string; id: string }; events: PendingEvent[] }>;
}

/**
 * Runs a command the same way everywhere: load in scope (404, and a DENIED audit event, outside it) → check
 * If-Match against the ETag (428/412) → the transition → save → its events to the outbox → the audit event,
 * all in one transaction, so a change, its events and its audit trail exist together or not at all.
 */
@Injectable()
export class CommandRunner {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {
    this.system = systemPrincipal(outbox.source.replace(/^\/services\//, ''));
  }

  /** The service itself as the principal of a command (see systemPrincipal). */
  readonly system: Principal;

  async run<Row, C, R, T = SqlTransaction>(command: Command<Row, C, R, T>): Promise<R> {
    const { principal, resource } = command;
    const within = <X>(fn: (tx: T) => Promise<X>) =>
      command.tx === undefined ? this.uow.run<X, T>(fn) : fn(command.tx);
    const result = await within<{ found: false } | { found: true; saved: R }>(async (tx) => {
      const row = await command.load(tx);
      if (!row) return { found: false };
      if (!isSystemPrincipal(principal)) checkIfMatch(command.etag(row), command.ifMatch, resource.type);
      // A resource that keeps its case's correlation id has its events and audit row written in that one.
      const caseId = command.correlationId?.(row);
      const apply = () => this.apply(command, row, tx);
      return { found: true, saved: await (caseId ? withCorrelation(caseId, apply) : apply()) };
    });
    if (!result.found) await this.notFound(command);
    // In a caller's transaction (the inbox's) this nudges before that commits; the relay's poll covers it.
    this.uow.afterCommit(() => this.relay.nudge());
    return (result as { saved: R }).saved;
  }

  /** The transition, the save, its events to the outbox and the audit event, in the command's transaction. */
  private async apply<Row, C, R, T>(command: Command<Row, C, R, T>, row: Row, tx: T): Promise<R> {
    const { principal, resource } = command;
    const { change, events } = await command.transition(row, tx);
    const saved = await command.save(tx, row, change);
    await this.emit(tx as SqlTransaction, principal, resource, events);
    await this.audit.record(tx as SqlTransaction, principal, {
      action: command.action,
      resource,
      citizenPseudonym: command.citizenPseudonym?.(row),
      purpose: command.purpose,
      outcome: 'ALLOWED',
      requestId: command.requestId,
    });
    return saved;
  }

  /**
   * A change without a row to load (see Recording), the same way: the write, its events to the outbox and the
   * audit event in one transaction; the relay nudged after the commit.
   */
  async record<R, T = SqlTransaction>(change: Recording<R, T>): Promise<R> {
    const { principal } = change;
    const saved = await this.uow.run<R, T>(async (tx) => {
      const { saved, resource, events } = await change.write(tx);
      await this.emit(tx as SqlTransaction, principal, resource, events);
      await this.audit.record(tx as SqlTransaction, principal, {
        action: change.action,
        resource,
        purpose: change.purpose,
        outcome: 'ALLOWED',
        requestId: change.requestId,
      });
      return saved;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return saved;
  }

  private async emit(
    tx: SqlTransaction,
    principal: Principal,
    resource: { id: string },
    events: PendingEvent[],
  ): Promise<void> {
    for (const pending of events) {
      await this.outbox.append(tx, pending.definition, {
        subject: pending.subject ?? resource.id,
        data: pending.data,
        extensions: actorExtension(principal),
      });
    }
  }

  /** Outside the caller's scope: the attempt is audited in its own transaction (it must outlive the 404). */
  private async notFound<Row, C, R, T>(command: Command<Row, C, R, T>): Promise<never> {
    await this.uow.detached(() =>
      this.audit.denied(command.principal, {
        action: command.action,
        resource: command.resource,
        requestId: command.requestId,
      }),
    );
    throw ProblemException.notFound(`${command.resource.type} ${command.resource.id}`);
  }
}
