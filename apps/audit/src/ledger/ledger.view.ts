import { namedSchema } from '@platform/http';
import { z } from 'zod';
import type { ChainedRow } from './domain/chain';

const hashField = z.string().meta({ description: 'SHA-256, hex', example: 'ab'.repeat(32) });

export const ledgerEventSchema = namedSchema(
  'AuditLedgerEvent',
  z
    .object({
      seq: z.string().meta({ description: 'Position in the chain (1, 2, 3…), a decimal string' }),
      eventId: z.string().meta({ description: 'CloudEvent id of the audit event' }),
      service: z.string(),
      occurredAt: z.string().meta({ format: 'date-time' }),
      recordedAt: z.string().meta({ format: 'date-time', description: 'When the ledger appended it' }),
      actor: z.object({
        subject: z.string().meta({ description: 'Token subject: an id, never a name' }),
        clientId: z.string().nullable(),
        orgType: z.string().nullable(),
        orgCode: z.string().nullable(),
        roles: z.array(z.string()),
      }),
      action: z.string(),
      resource: z.object({ type: z.string(), id: z.string().nullable() }),
      citizenPseudonym: z.string().nullable(),
      purpose: z.string().meta({ description: 'Formål: why the data was touched' }),
      outcome: z.enum(['ALLOWED', 'DENIED']),
      requestId: z.string().nullable(),
      prevHash: hashField,
      hash: hashField,
    })
    .meta({ description: 'One row of the hash-chained audit ledger' }),
);

export const ledgerPageSchema = namedSchema(
  'AuditLedgerPage',
  z.object({
    items: z.array(ledgerEventSchema),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null: last page' }),
  }),
);

export type LedgerEventView = z.infer<typeof ledgerEventSchema>;

export const ledgerEventView = (row: ChainedRow): LedgerEventView => ({
  seq: row.seq,
  eventId: row.eventId,
  service: row.service,
  occurredAt: row.occurredAt,
  recordedAt: row.recordedAt,
  actor: {
    subject: row.actorSubject,
    clientId: row.actorClientId,
    orgType: row.actorOrgType,
    orgCode: row.actorOrgCode,
    roles: row.actorRoles,
  },
  action: row.action,
  resource: { type: row.resourceType, id: row.resourceId },
  citizenPseudonym: row.citizenPseudonym,
  purpose: row.purpose,
  outcome: row.outcome as 'ALLOWED' | 'DENIED',
  requestId: row.requestId,
  prevHash: row.prevHash,
  hash: row.hash,
});

export const verificationSchema = namedSchema(
  'AuditLedgerVerification',
  z.object({
    valid: z.boolean(),
    rowsChecked: z.number().int().meta({ description: 'Rows that added up before the first break (or all)' }),
    lastHash: hashField.meta({ description: 'Hash of the last row that added up' }),
    firstBroken: z
      .object({
        seq: z.string(),
        eventId: z.string(),
        reason: z.enum(['missing-row', 'previous-hash-mismatch', 'content-altered']),
        expectedSeq: z.string(),
      })
      .nullable()
      .meta({ description: 'The first row at which the chain stops adding up; null when it holds' }),
    checkedAt: z.string().meta({ format: 'date-time' }),
  }),
);

const checkpointFields = {
  ledger: z.literal('dk.social.audit-ledger'),
  count: z.number().int().min(0),
  lastSeq: z.string().regex(/^\d{1,19}$/),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
  issuedAt: z.string().meta({ format: 'date-time' }),
  keyId: z.string().max(64),
  algorithm: z.literal('Ed25519'),
  signature: z.string().max(200),
  publicKey: z.string().max(1000).meta({ description: 'SPKI PEM of the key that checks the signature' }),
};

export const checkpointSchema = namedSchema(
  'AuditLedgerCheckpoint',
  z.object(checkpointFields).meta({
    description:
      'The ledger’s size and last hash, signed (Ed25519) over the canonical JSON of ledger, count, lastSeq, ' +
      'lastHash, issuedAt and keyId. Keep it outside the platform; POST it back to check the ledger still holds it.',
  }),
);

/** The body of POST /api/v1/audit/checkpoint/verification: a checkpoint as this API issued it. */
export const checkpointInput = z.strictObject(checkpointFields);
export type CheckpointInput = z.infer<typeof checkpointInput>;

export const checkpointCheckSchema = namedSchema(
  'AuditLedgerCheckpointCheck',
  z.object({
    signatureValid: z
      .boolean()
      .meta({ description: 'The signature holds under the public key in the checkpoint' }),
    signedByThisService: z.boolean().meta({ description: 'That key is the one this service signs with now' }),
    rowPresent: z.boolean().meta({
      description: 'The ledger still has a row at lastSeq with lastHash (nothing cut off or rewritten)',
    }),
    chainValid: z.boolean().meta({ description: 'The chain recomputes (GET /api/v1/audit/verification)' }),
    countNow: z.number().int(),
    holds: z.boolean().meta({ description: 'All four above' }),
  }),
);

export const fhirBundleSchema = namedSchema(
  'FhirAuditEventBundle',
  z
    .object({
      resourceType: z.literal('Bundle'),
      type: z.literal('searchset'),
      timestamp: z.string(),
      link: z.array(z.object({ relation: z.string(), url: z.string() })),
      entry: z.array(
        z.object({
          fullUrl: z.string(),
          resource: z.record(z.string(), z.unknown()).meta({ description: 'A FHIR R4 AuditEvent' }),
          search: z.object({ mode: z.literal('match') }),
        }),
      ),
    })
    .meta({
      description: 'FHIR R4 Bundle (searchset) of AuditEvent resources; `link` next carries the cursor',
    }),
);
