import { useService, type TestService } from '@platform/testing';
import { financingService } from '../../src/app.module';
import type { PrismaService } from '../../src/database/prisma.service';

/**
 * Financing in-process for a test file, its scheduled jobs off: a test runs the accrual and the monthly totals
 * itself (the job's `run`), so no background run publishes in the middle of its checks.
 */
export function useFinancing(receive: (service: TestService<PrismaService>) => void): void {
  useService<PrismaService>(financingService, receive, {
    env: { COST_ACCRUAL_SCAN_MS: 'off', COST_TOTALS_SCAN_MS: 'off' },
  });
}
