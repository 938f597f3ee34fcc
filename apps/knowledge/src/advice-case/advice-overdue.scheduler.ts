import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '@platform/kit';
import { KNOWLEDGE_CONFIG, type KnowledgeConfig } from '../config/knowledge.config';
import { AdviceCaseUpkeep } from './advice-case-upkeep.service';

/** Looks for passed advice deadlines at a fixed interval (several instances may run: rows are SKIP LOCKED). */
@Injectable()
export class AdviceOverdueScheduler extends IntervalJob {
  constructor(
    private readonly upkeep: AdviceCaseUpkeep,
    @Inject(KNOWLEDGE_CONFIG) config: KnowledgeConfig,
  ) {
    super({ name: 'AdviceOverdueScheduler', what: 'overdue scan', everyMs: config.ADVICE_OVERDUE_SCAN_MS });
  }

  protected tick(): Promise<unknown> {
    return this.upkeep.flagOverdue();
  }
}
