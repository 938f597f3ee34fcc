import { intervalMs, SERVICE_CONFIG } from '@platform/kit';
import { z } from 'zod';

/** Hourly by default: the jobs are about months. */
const HOUR_MS = 3_600_000;

/** The financing service's own environment (the kit reads the rest). */
export const financingConfigSchema = z.object({
  /** How often the month just begun is looked for to accrue: ms, or `off` (a test runs the accrual itself). */
  COST_ACCRUAL_SCAN_MS: intervalMs(HOUR_MS),
  /** How often closed months' totals are looked for to publish: ms, or `off` (a test runs it itself). */
  COST_TOTALS_SCAN_MS: intervalMs(HOUR_MS),
});

export type FinancingConfig = z.infer<typeof financingConfigSchema>;

/** Injection token for the validated configuration (the kit's SERVICE_CONFIG). */
export const FINANCING_CONFIG = SERVICE_CONFIG;
