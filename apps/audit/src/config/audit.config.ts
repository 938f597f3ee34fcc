import { SERVICE_CONFIG } from '@platform/kit';
import { z } from 'zod';

/** The audit service's own environment (the kit reads the rest). */
export const auditConfigSchema = z.object({
  /**
   * The Ed25519 key that signs the ledger's checkpoints, as its 32-byte seed in hex. Its public key is handed
   * out with every checkpoint; keep that outside the platform to check a checkpoint later.
   */
  AUDIT_CHECKPOINT_SIGNING_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (an Ed25519 seed of 32 bytes)'),
});

export type AuditConfig = z.infer<typeof auditConfigSchema>;

/** Injection token for the validated configuration (the kit's SERVICE_CONFIG). */
export const AUDIT_CONFIG = SERVICE_CONFIG;
