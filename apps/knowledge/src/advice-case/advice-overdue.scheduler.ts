import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { KNOWLEDGE_CONFIG, type KnowledgeConfig } from '../config/knowledge.config';
import { AdviceCaseUpkeep } from './advice-case-upkeep.service';

/** Looks for passed advice deadlines at a fixed interval (several instances may run: rows are SKIP LOCKED). */
@Injectable()
export class AdviceOverdueScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AdviceOverdueScheduler');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly upkeep: AdviceCaseUpkeep,
    @Inject(KNOWLEDGE_CONFIG) private readonly config: KnowledgeConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.upkeep
        .flagOverdue()
        .catch((error: unknown) => this.logger.error({ msg: 'overdue scan failed', error: String(error) }));
    }, this.config.ADVICE_OVERDUE_SCAN_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
