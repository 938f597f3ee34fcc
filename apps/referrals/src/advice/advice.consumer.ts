import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { AdviceGiven, TOPICS } from '@platform/contracts';
import { deliveryFrom, InboxProcessor, on } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { AdviceService } from './advice.service';

/** Advice given in knowledge reaches its referral here, once per event. */
@Controller()
export class AdviceConsumer {
  constructor(
    private readonly inbox: InboxProcessor,
    private readonly advice: AdviceService,
  ) {}

  @EventPattern(TOPICS.advice)
  async onAdvice(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbox.process(deliveryFrom(context), [
      on(AdviceGiven, (tx: Tx, data) => this.advice.receive(tx, data)),
    ]);
  }
}
