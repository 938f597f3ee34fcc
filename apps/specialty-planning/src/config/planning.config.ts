import { intervalMs, SERVICE_CONFIG } from '@platform/kit';
import { z } from 'zod';

/** Hourly by default: the expiry rule is about days. */
const HOUR_MS = 3_600_000;

/** The specialty-planning service's own environment (the kit reads the rest). */
export const planningConfigSchema = z.object({
  /** How often expiring functions are looked for: ms, or `off` (a test runs the scan itself). */
  FUNCTION_EXPIRY_SCAN_MS: intervalMs(HOUR_MS),
});

export type PlanningConfig = z.infer<typeof planningConfigSchema>;

/** Injection token for the validated configuration (the kit's SERVICE_CONFIG). */
export const PLANNING_CONFIG = SERVICE_CONFIG;
