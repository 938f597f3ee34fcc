import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiIdParam,
  ApiProblems,
  ApiQueryFrom,
  openApiSchema,
  ProblemException,
  RequestId,
  uuidParam,
  ZodValidationPipe,
} from '@platform/http';
import { PgDatabase } from '@platform/persistence';
import type { Response } from 'express';
import { z } from 'zod';
import { year } from '../common/money-fields';
import {
  EXPORT_FORMATS,
  streamExport,
  type ExportColumn,
  type ExportFormat,
  type ExportObserver,
} from '../common/export-stream';
import { claimResource, ClaimAccess, yearResource } from './claim-access';
import { CitizenReads } from '../common/citizen-reads';

/** One exported claim line: the citizen by pseudonym only (no referral id, no CPR), amounts in øre. */
interface ExportRow {
  claimId: string;
  municipalityCode: string;
  year: number;
  quarter: number;
  status: string;
  lineNo: number;
  citizenPseudonyms: string[];
  eligible: boolean;
  reasons: string[];
  netExpenseOre: number;
  eligibleExpenseOre: number;
  refusionOre: number;
  decision: string | null;
  decisionReason: string | null;
}

const SELECT = `
  SELECT c.id AS "claimId", c.municipality_code AS "municipalityCode", c.year, c.quarter, c.status,
         l.line_no AS "lineNo", l.citizen_pseudonyms AS "citizenPseudonyms", l.eligible, l.reasons,
         l.net_expense_ore::float8 AS "netExpenseOre", l.eligible_expense_ore::float8 AS "eligibleExpenseOre",
         l.refusion_ore::float8 AS "refusionOre", l.decision, l.decision_reason AS "decisionReason"
  FROM refusion_claim_line l JOIN refusion_claim c ON c.id = l.claim_id`;

/** The reason codes of a line (stored as `referral|REASON|eligible`): the referral ids stay out of an export. */
const reasonCodes = (reasons: string[]) => [...new Set(reasons.map((r) => r.split('|')[1]))].join('|');

const COLUMNS: readonly ExportColumn<ExportRow>[] = [
  { name: 'claim_id', value: (r) => r.claimId },
  { name: 'municipality_code', value: (r) => r.municipalityCode },
  { name: 'year', value: (r) => r.year },
  { name: 'quarter', value: (r) => r.quarter },
  { name: 'claim_status', value: (r) => r.status },
  { name: 'line_no', value: (r) => r.lineNo },
  { name: 'citizen_pseudonyms', value: (r) => r.citizenPseudonyms.join('|') },
  { name: 'eligible', value: (r) => r.eligible },
  { name: 'reasons', value: (r) => reasonCodes(r.reasons) },
  { name: 'net_expense_ore', value: (r) => r.netExpenseOre },
  { name: 'eligible_expense_ore', value: (r) => r.eligibleExpenseOre },
  { name: 'refusion_ore', value: (r) => r.refusionOre },
  { name: 'decision', value: (r) => r.decision },
  { name: 'decision_reason', value: (r) => r.decisionReason },
];

const format = z
  .enum(EXPORT_FORMATS)
  .default('csv')
  .meta({ description: 'csv (text/csv; charset=utf-8, `;`-separated, a header row) or json (a JSON array)' });
const claimExportQuery = z.strictObject({ format });
const yearExportQuery = z.strictObject({
  year,
  municipalityCode: z
    .string()
    .regex(/^\d{3}$/, 'a three-digit municipality code')
    .optional()
    .meta({ description: "The municipality (the state names one; a municipality's own by default)" }),
  format,
});
const READERS = { orgTypes: ['municipality' as const, 'state' as const] };
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const EXPORT_RESPONSE = {
  status: 200,
  description:
    'Streamed (chunked, rows written as they are read): CSV with a header row, or a JSON array of the same ' +
    `rows. Columns: ${COLUMNS.map((c) => c.name).join(', ')}. Citizens by pseudonym only; amounts in øre; ` +
    'several pseudonyms (a household) and reason codes are joined with |.',
  content: {
    'text/csv': { schema: { type: 'string' as const } },
    'application/json': {
      schema: openApiSchema(z.array(z.object(Object.fromEntries(COLUMNS.map((c) => [c.name, cell]))))),
    },
  },
};

/**
 * Exports of refusion claims, per claim and per municipality and year, streamed from a database cursor as CSV or
 * JSON. The same rules as reading the claim: the municipality its own, the state all; another municipality gets
 * 404 (audited as a denied attempt), a region 403. Citizens appear by pseudonym only, and every citizen exported is
 * an audited read: the pseudonyms are collected as their rows are written, and recorded once the cursor closes.
 */
@ApiTags('refusion')
@ApiProblems(401)
@Controller('api/v1')
export class RefusionExportController {
  constructor(
    private readonly access: ClaimAccess,
    private readonly reads: CitizenReads,
    private readonly db: PgDatabase,
  ) {}

  /** Collects the citizens of the rows written (a set of pseudonyms, not the rows) and audits them at the end. */
  private audited(
    p: Principal,
    action: string,
    resource: { type: string; id: string },
    requestId: string | undefined,
  ): ExportObserver<ExportRow> {
    const exported = new Set<string>();
    return {
      row: (r) => r.citizenPseudonyms.forEach((c) => exported.add(c)),
      done: () => this.reads.shown(p, action, resource, exported, requestId),
    };
  }

  @Get('refusion-claims/:id/export')
  @Access(READERS)
  @ApiOperation({ summary: "A claim's lines as CSV or JSON, streamed (its municipality and the state)" })
  @ApiIdParam('The claim')
  @ApiQueryFrom(claimExportQuery)
  @ApiResponse(EXPORT_RESPONSE)
  @ApiProblems(400, 403, 404)
  async claim(
    @CurrentPrincipal() p: Principal,
    @Param('id', uuidParam) id: string,
    @Query(new ZodValidationPipe(claimExportQuery, 'query')) q: { format: ExportFormat },
    @RequestId() requestId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const action = 'refusion-claim.export';
    await this.access.owner(p, id, action, requestId);
    await streamExport(
      res,
      this.db,
      { text: `${SELECT} WHERE c.id = $1::uuid ORDER BY l.line_no`, values: [id] },
      COLUMNS,
      q.format,
      `refusion-claim-${id}`,
      this.audited(p, action, claimResource(id), requestId),
    );
  }

  @Get('refusion-exports')
  @Access(READERS)
  @ApiOperation({
    summary: "A municipality's refusion year, every claim's lines by quarter, as CSV or JSON, streamed",
  })
  @ApiQueryFrom(yearExportQuery)
  @ApiResponse(EXPORT_RESPONSE)
  @ApiProblems(400, 403, 404)
  async year(
    @CurrentPrincipal() p: Principal,
    @Query(new ZodValidationPipe(yearExportQuery, 'query')) q: z.infer<typeof yearExportQuery>,
    @RequestId() requestId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const action = 'refusion-year.export';
    const municipalityCode = q.municipalityCode ?? (p.orgType === 'municipality' ? p.orgCode : undefined);
    if (!municipalityCode)
      throw ProblemException.validation([
        { pointer: 'query:municipalityCode', detail: 'name the municipality' },
      ]);
    await this.access.year(p, municipalityCode, q.year, action, requestId);
    await streamExport(
      res,
      this.db,
      {
        text: `${SELECT} WHERE c.municipality_code = $1 AND c.year = $2 ORDER BY c.quarter, c.submitted_at, l.line_no`,
        values: [municipalityCode, q.year],
      },
      COLUMNS,
      q.format,
      `refusion-${municipalityCode}-${q.year}`,
      this.audited(p, action, yearResource(municipalityCode, q.year), requestId),
    );
  }
}
