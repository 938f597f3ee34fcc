import { useService, type TestService } from '@platform/testing';
import { specialtyPlanningService } from '../../src/app.module';
import type { PrismaService } from '../../src/database/prisma.service';

/**
 * Specialty planning in-process for a test file, its expiry scan off: a test runs the scan itself
 * (FunctionExpiryScheduler.run), so no background scan announces in the middle of another test's checks.
 */
export function usePlanning(receive: (service: TestService<PrismaService>) => void): void {
  useService<PrismaService>(specialtyPlanningService, receive, { env: { FUNCTION_EXPIRY_SCAN_MS: 'off' } });
}
