import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, AuditTrail, CurrentPrincipal, type AuditEntry, type Principal } from '@platform/auth';
import { CORRELATION_ID_PATTERN } from '@platform/contracts';
import {
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  isoInstantView,
  namedSchema,
  RequestId,
  uuidView,
  ZodValidationPipe,
} from '@platform/http';
import { z } from 'zod';
import { CaseTraceRepository } from './case-trace.repository';
import { caseTraceView } from './case-trace.view';

const query = z.strictObject({
  correlationId: z
    .string()
    .regex(CORRELATION_ID_PATTERN, "a correlation id (letters, digits, '.', '_', '-'; at most 100)")
    .meta({
      description: "The case's correlation id: the X-Request-Id of the request that created the referral",
    }),
});

const payer = z.object({ type: z.enum(['municipality', 'region']), code: z.string() });
const traceSchema = namedSchema(
  'CaseTrace',
  z.object({
    correlationId: z.string(),
    costLines: z.array(
      z.object({
        referralId: uuidView,
        month: z.string().meta({ example: '2026-02' }),
        payer,
        version: z.number().int().meta({ description: "The month's accrual version" }),
        accruedAt: isoInstantView.meta({ description: 'When the ledger wrote this version' }),
      }),
    ),
    claimLines: z.array(
      z.object({
        claimId: uuidView,
        lineNo: z.number().int(),
        municipalityCode: z.string(),
        year: z.number().int(),
        quarter: z.number().int(),
        eligible: z.boolean(),
        decision: z.enum(['APPROVED', 'REJECTED']).nullable(),
        submittedAt: isoInstantView,
        decidedAt: isoInstantView.nullable(),
      }),
    ),
  }),
);

/**
 * What financing holds of one citizen's case (issue 13, correlation), for tools/trace: the versions of its cost
 * lines and the refusion claim lines that carry it, by ids and times. No amount and no pseudonym: an auditor
 * follows a case with it; the amounts stay behind the municipality's and region's own reads.
 */
@ApiTags('case-trace')
@ApiProblems(401)
@Controller('api/v1/case-trace')
export class CaseTraceController {
  constructor(
    private readonly rows: CaseTraceRepository,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @Access({ orgTypes: ['state'], roles: ['auditor'] })
  @ApiOperation({
    summary:
      "A case's cost lines and refusion claim lines by its correlation id, ids and times only (the state's auditors)",
  })
  @ApiQueryFrom(query)
  @ApiJsonResponse(200, traceSchema, { example: { correlationId: 'case-1', costLines: [], claimLines: [] } })
  @ApiProblems(400, 403)
  async trace(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(query, 'query')) q: z.infer<typeof query>,
    @RequestId() requestId: string | undefined,
  ) {
    const costLines = await this.rows.costLines(q.correlationId);
    const claimLines = await this.rows.claimLines(q.correlationId);
    await this.audit.recordAllNow(p, this.auditEntries(q.correlationId, costLines, requestId));
    return caseTraceView(q.correlationId, costLines, claimLines);
  }

  /**
   * One row per citizen the case's lines are about (the citizen's access log finds it), in the case's own
   * correlation id so a trace shows who looked; one without a citizen when the case has no lines here.
   */
  private auditEntries(
    correlationId: string,
    lines: readonly { citizenPseudonym: string }[],
    requestId: string | undefined,
  ): AuditEntry[] {
    const entry: AuditEntry = {
      action: 'case-trace.read',
      resource: { type: 'case', id: correlationId },
      purpose: 'audit',
      outcome: 'ALLOWED',
      requestId,
      correlationId,
    };
    const citizens = [...new Set(lines.map((l) => l.citizenPseudonym))];
    return citizens.length === 0
      ? [entry]
      : citizens.map((citizenPseudonym) => ({ ...entry, citizenPseudonym }));
  }
}
