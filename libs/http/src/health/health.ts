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

  /** Readiness: every dependency answers within the timeout; 503 names the ones that do not. */
  @Get('ready')
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: string; checks: Record<string, string> }> {
    const results = await Promise.all(this.checks.map(async (c) => [c.name, await run(c)] as const));
    const down = results.some(([, r]) => r !== 'up');
    res.status(down ? 503 : 200);
    return { status: down ? 'down' : 'up', checks: Object.fromEntries(results) };
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
