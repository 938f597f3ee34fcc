import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, AuditTrail, CurrentPrincipal, type Principal } from '@platform/auth';
import {
  ApiJsonResponse,
  ApiProblems,
  ApiQueryFrom,
  ProblemException,
  RequestId,
  ZodValidationPipe,
} from '@platform/http';
import { organisationName } from '../ledger/domain/fhir-audit-event';
import { pageQuery, pseudonymField, type PageQuery } from '../ledger/dto/ledger.query';
import { LedgerService } from '../ledger/ledger.service';
import { LedgerRepository } from '../ledger/ledger.repository';
import { citizenAccessLogSchema, type CitizenAccessLog } from './citizen-access.view';

const pseudonymPipe = {
  transform: (value: unknown) => {
    const parsed = pseudonymField.safeParse(value);
    if (!parsed.success) {
      throw ProblemException.validation([
        { pointer: 'path:pseudonym', detail: parsed.error.issues[0]!.message },
      ]);
    }
    return parsed.data;
  },
};

/**
 * The citizen's own view (indsigt, GDPR art. 15): which organisations read or changed the citizen's data, when
 * and why, without naming employees. The state auditor may read any; a municipality's case worker only that of
 * a citizen whose data the municipality itself handled (else 404, and a DENIED audit event), so the
 * municipality can answer the citizen who asks. Regions: 403.
 */
@ApiTags('citizen access log')
@ApiProblems(401, 403)
@Controller('api/v1/citizens')
export class CitizenAccessController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly repository: LedgerRepository,
    private readonly audit: AuditTrail,
  ) {}

  @Get(':pseudonym/access-log')
  @Access({ orgTypes: ['state', 'municipality'], roles: ['auditor', 'caseworker'] })
  @ApiOperation({
    operationId: 'citizenAccessLog',
    summary: 'Which organisations read or changed a citizen’s data, when and why (no employee named)',
  })
  @ApiParam({ name: 'pseudonym', description: 'The citizen pseudonym (as a referral shows it)' })
  @ApiQueryFrom(pageQuery)
  @ApiJsonResponse(200, citizenAccessLogSchema)
  @ApiProblems(400, 404)
  async accessLog(
    @CurrentPrincipal() principal: Principal,
    @Param('pseudonym', pseudonymPipe) pseudonym: string,
    @Query(new ZodValidationPipe(pageQuery, 'query')) query: PageQuery,
    @RequestId() requestId: string | undefined,
  ): Promise<CitizenAccessLog> {
    const entry = { action: 'citizen-access-log.read', resource: { type: 'citizen-access-log' }, requestId };
    if (!(await this.mayRead(principal, pseudonym))) {
      await this.audit.denied(principal, entry);
      throw ProblemException.notFound('citizen access log');
    }
    const { rows, nextCursor } = await this.ledger.page({
      citizenPseudonym: pseudonym,
      outcome: 'ALLOWED',
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    await this.audit.recordNow(principal, {
      ...entry,
      citizenPseudonym: pseudonym,
      purpose: principal.orgType === 'state' ? 'supervision' : 'gdpr-art-15',
      outcome: 'ALLOWED',
    });
    return {
      citizenPseudonym: pseudonym,
      entries: rows.map((row) => ({
        at: row.occurredAt,
        organisation: {
          type: row.actorOrgType,
          code: row.actorOrgCode,
          name: organisationName(row.actorOrgType, row.actorOrgCode) ?? null,
        },
        service: row.service,
        action: row.action,
        what: row.resourceType,
        purpose: row.purpose,
      })),
      nextCursor,
    };
  }

  /** Municipalities see the log of their own citizens only: those whose data they handled themselves. */
  private mayRead(principal: Principal, pseudonym: string): Promise<boolean> | boolean {
    if (principal.orgType === 'state') return principal.roles.includes('auditor');
    if (principal.orgType !== 'municipality' || !principal.roles.includes('caseworker')) return false;
    return this.repository.organisationHasCitizen(principal.orgType, principal.orgCode, pseudonym);
  }
}
