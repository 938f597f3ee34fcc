import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { ResponsibilityChanged } from '@platform/contracts';
import { findTargetGroup, TARGET_GROUPS, todayInDenmark, type TargetGroup } from '@platform/domain';
import { ProblemException } from '@platform/http';
import { CommandRunner } from '@platform/kit';
import { event } from '@platform/messaging';
import { dateOf } from '@platform/persistence';
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
    private readonly runner: CommandRunner,
    private readonly repository: ResponsibilityRepository,
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
    return this.runner.record({
      principal,
      requestId,
      action: 'responsibility.change',
      purpose: 'planning',
      write: async (tx: Tx) => {
        if (input.effectiveFrom < today) {
          const decided = await this.repository.decidedSince(tx, group.code, input.effectiveFrom);
          assertNotRetroactive({
            targetGroup: group.code,
            effectiveFrom: input.effectiveFrom,
            today,
            decided,
          });
        }
        const saved = await this.repository.insert(tx, {
          id: randomUUID(),
          targetGroup: group.code,
          responsibility: input.responsibility,
          effectiveFrom: dateOf(input.effectiveFrom),
          recordedAt: new Date(),
        });
        const { responsibility, effectiveFrom } = input;
        return {
          saved,
          resource: { type: 'target-group', id: group.code },
          events: [event(ResponsibilityChanged, { targetGroup: group.code, responsibility, effectiveFrom })],
        };
      },
    });
  }
}

function targetGroupOrNotFound(codeOrFfb: string): TargetGroup {
  const group = findTargetGroup(codeOrFfb);
  if (!group) throw ProblemException.notFound('the target group (by our code or its FFB code)');
  return group;
}
