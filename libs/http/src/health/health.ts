import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../public.decorator';

/**
 * Services list their checks as a provider: `{ provide: READINESS_CHECKS, useFactory: (db, kafka) => [db, kafka] }`
 * and add HealthController to their root module.
 */
/** One dependency a service needs to serve requests (its database, Kafka). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
  /**
   * Reported but not required: while it is down the service still serves (200, status `degraded`). Kafka is one:
   * writes wait in the outbox and events in the broker, so an outage must not take every replica out of the load
   * balancer.
   */
  optional?: boolean;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
const TIMEOUT_MS = 2000;

@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  /** Liveness depends on nothing: the process answers. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /**
   * Readiness: every required dependency answers within the timeout; 503 names the ones that do not. An optional
   * one that does not answer makes the service `degraded`, still ready.
   */
  @Get('ready')
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: string; checks: Record<string, string> }> {
    const results = await Promise.all(this.checks.map(async (c) => [c, await run(c)] as const));
    const failing = results.filter(([, r]) => r !== 'up').map(([c]) => c);
    const down = failing.some((c) => !c.optional);
    res.status(down ? 503 : 200);
    const status = down ? 'down' : failing.length ? 'degraded' : 'up';
    return { status, checks: Object.fromEntries(results.map(([c, r]) => [c.name, r])) };
  }
}

async function run(check: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return 'up';
  } catch (error) {
    return `down: ${error instanceof Error ? error.message : 'unknown'}`;
  } finally {
    clearTimeout(timer);
  }
}
