import { Injectable } from '@nestjs/common';
import { actorExtension, AuditTrail, type Principal } from '@platform/auth';
import { ResponsibilityChanged } from '@platform/contracts';
import { findTargetGroup, TARGET_GROUPS, todayInDenmark, type TargetGroup } from '@platform/domain';
import { ProblemException } from '@platform/http';
import { UnitOfWork } from '@platform/kit';
import { OutboxRelay, OutboxWriter } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { assertNotRetroactive } from './domain/retroactivity';
import { timelineOf } from './domain/responsibility-timeline';
import type { ResponsibilityChangeInput } from './dto/responsibility.dto';
import { ResponsibilityRepository, type ResponsibilityChangeRow } from './responsibility.repository';
import { toTargetGroupView, type TargetGroupView } from './responsibility.view';

/** Target groups (målgrupper) and who is responsible for them over time (rule 2); the state alone changes it. */
@Injectable()
export class ResponsibilityService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: ResponsibilityRepository,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  async list(on = todayInDenmark()): Promise<TargetGroupView[]> {
    const changes = await this.repository.changes();
    return TARGET_GROUPS.map((g) => toTargetGroupView(g, on, timelineOf(changes, g.code, on)));
  }

  async get(codeOrFfb: string, on = todayInDenmark()): Promise<TargetGroupView> {
    const group = targetGroupOrNotFound(codeOrFfb);
    const changes = await this.repository.changes(group.code);
    return toTargetGroupView(group, on, timelineOf(changes, group.code, on));
  }

  /**
   * Records a change and announces it (ResponsibilityChanged, keyed by the target group, so a consumer sees one
   * group's changes in order). A date before today is checked against the decided referrals in the same
   * transaction as the insert.
   */
  async change(
    principal: Principal,
    codeOrFfb: string,
    input: ResponsibilityChangeInput,
    requestId?: string,
  ): Promise<ResponsibilityChangeRow> {
    const group = targetGroupOrNotFound(codeOrFfb);
    const today = todayInDenmark();
    const row = await this.uow.run(async (tx: Tx) => {
      if (input.effectiveFrom < today) {
        const decided = await this.repository.decidedSince(tx, group.code, input.effectiveFrom);
        assertNotRetroactive({ targetGroup: group.code, effectiveFrom: input.effectiveFrom, today, decided });
      }
      const saved = await this.repository.insert(tx, {
        id: randomUUID(),
        targetGroup: group.code,
        responsibility: input.responsibility,
        effectiveFrom: new Date(`${input.effectiveFrom}T00:00:00Z`),
        recordedAt: new Date(),
      });
      await this.outbox.append(tx, ResponsibilityChanged, {
        subject: group.code,
        data: {
          targetGroup: group.code,
          responsibility: input.responsibility,
          effectiveFrom: input.effectiveFrom,
        },
        extensions: actorExtension(principal),
      });
      await this.audit.record(tx, principal, {
        action: 'responsibility.change',
        resource: { type: 'target-group', id: group.code },
        purpose: 'planning',
        outcome: 'ALLOWED',
        requestId,
      });
      return saved;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return row;
  }
}

function targetGroupOrNotFound(codeOrFfb: string): TargetGroup {
  const group = findTargetGroup(codeOrFfb);
  if (!group) throw ProblemException.notFound('the target group (by our code or its FFB code)');
  return group;
}
