import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { RuleSetInForce } from '@platform/contracts';
import { StateConflict, ValidationFailed } from '@platform/domain';
import { CommandRunner, UnitOfWork, type ChangeRequest } from '@platform/kit';
import { event, OutboxRelay } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { bandProblems } from '../refusion/domain/bands';
import type { CreateRuleSetInput } from './rule-set.dto';
import { RuleSetRepository, type RuleSetRow } from './rule-set.repository';
import { ruleSetEtag } from './rule-set.view';

class InvalidBands extends ValidationFailed {
  constructor(problems: string[]) {
    super('INVALID_BANDS', problems.join('; '), ['/bands']);
  }
}

class RuleSetInForceAlready extends StateConflict {
  constructor() {
    super('RULE_SET_IN_FORCE', 'the rule set is in force and cannot change; write a new version', {
      currentStatus: 'IN_FORCE',
      allowed: [],
    });
  }
}

/** Rule sets (regelsæt): the state writes a version, then puts it in force; in force it never changes. */
@Injectable()
export class RuleSetService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly ruleSets: RuleSetRepository,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  async create(principal: Principal, input: CreateRuleSetInput, requestId?: string): Promise<RuleSetRow> {
    const bands = input.bands.map((b) => ({ thresholdOre: b.threshold, percentBp: b.percent }));
    const problems = bandProblems(bands);
    if (problems.length > 0) throw new InvalidBands(problems);
    const id = randomUUID();
    const created = await this.uow.run(async (tx: Tx) => {
      const row = await this.ruleSets.insert(tx, {
        id,
        year: input.year,
        name: input.name,
        status: 'DRAFT',
        effectiveFrom: input.effectiveFrom,
        legalBasis: input.legalBasis,
        bands,
        adviceCondition: input.adviceCondition,
        coFinancing: input.coFinancing.map((c) => ({
          fromMonth: c.fromMonth,
          sharePercentBp: c.sharePercent,
        })),
        knowledgeOverheadBp: input.knowledgeOverheadPercent,
        adviceDeadlineWorkingDays: input.adviceDeadlineWorkingDays,
        createdBy: principal.subject,
        createdAt: new Date(),
      });
      await this.audit.record(tx, principal, {
        action: 'rule-set.create',
        resource: { type: 'rule-set', id },
        purpose: 'financing',
        outcome: 'ALLOWED',
        requestId,
      });
      return row;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return created;
  }

  putInForce(change: ChangeRequest): Promise<RuleSetRow> {
    return this.runner.run<RuleSetRow, null, RuleSetRow, Tx>({
      principal: change.principal,
      requestId: change.requestId,
      ifMatch: change.ifMatch,
      resource: { type: 'rule-set', id: change.id },
      action: 'rule-set.put-in-force',
      purpose: 'financing',
      load: (tx) => this.ruleSets.find(change.id, tx, 'FOR UPDATE'),
      etag: ruleSetEtag,
      transition: (r) => {
        if (r.status === 'IN_FORCE') throw new RuleSetInForceAlready();
        return {
          change: null,
          events: [
            event(RuleSetInForce, {
              ruleSetId: r.id,
              year: r.year,
              version: r.version,
              effectiveFrom: r.effectiveFrom,
              adviceCondition: r.adviceCondition,
              bands: r.bands,
              knowledgeOverheadBp: r.knowledgeOverheadBp,
            }),
          ],
        };
      },
      save: (tx, r) => this.ruleSets.putInForce(tx, r.id),
    });
  }
}
