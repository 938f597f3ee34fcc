import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AdviceGiven } from '@platform/contracts';
import { OnEvent, type InboundEvent } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { AdviceService } from './advice.service';

/** Advice given in knowledge reaches its referral here, once per event. */
@Controller()
export class AdviceConsumer {
  constructor(private readonly advice: AdviceService) {}

  @OnEvent(AdviceGiven)
  onAdvice(@Payload() { tx, data }: InboundEvent<typeof AdviceGiven, Tx>): Promise<void> {
    return this.advice.receive(tx, data);
  }
}
