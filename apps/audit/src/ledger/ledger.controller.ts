import { Body, Controller, Get, Header, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@platform/auth';
import { ApiJsonResponse, ApiProblems, ApiQueryFrom, RequestId, ZodValidationPipe } from '@platform/http';
import type { Request } from 'express';
import { ledgerQuery, type LedgerQuery } from './dto/ledger.query';
import { LedgerService } from './ledger.service';
import {
  checkpointCheckSchema,
  checkpointInput,
  checkpointSchema,
  fhirBundleSchema,
  ledgerPageSchema,
  verificationSchema,
  type CheckpointInput,
} from './ledger.view';

/** The audit ledger is the state auditor's alone (docs/architecture.md, Access): municipalities and regions get 403. */
export const AUDITOR = { orgTypes: ['state'], roles: ['auditor'] } as const;

@ApiTags('audit ledger')
@ApiProblems(401, 403)
@Controller('api/v1/audit')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('events')
  @Access({ orgTypes: [...AUDITOR.orgTypes], roles: [...AUDITOR.roles] })
  @ApiOperation({
    operationId: 'queryAuditEvents',
    summary:
      'The ledger by citizen pseudonym, subject, organisation, action, outcome and time, in chain order',
  })
  @ApiQueryFrom(ledgerQuery)
  @ApiJsonResponse(200, ledgerPageSchema)
  @ApiProblems(400)
  query(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(ledgerQuery, 'query')) query: LedgerQuery,
    @RequestId() requestId: string | undefined,
  ) {
    return this.ledger.query(principal, query, requestId);
  }

  @Get('events/fhir')
  @Access({ orgTypes: [...AUDITOR.orgTypes], roles: [...AUDITOR.roles] })
  @Header('Content-Type', 'application/fhir+json; charset=utf-8')
  @ApiOperation({
    operationId: 'exportAuditEventsFhir',
    summary: 'The same query as a FHIR R4 Bundle of AuditEvent resources (IHE Basic Audit Log Patterns)',
  })
  @ApiQueryFrom(ledgerQuery)
  @ApiJsonResponse(200, fhirBundleSchema)
  @ApiProblems(400)
  fhir(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodValidationPipe(ledgerQuery, 'query')) query: LedgerQuery,
    @Req() req: Request,
    @RequestId() requestId: string | undefined,
  ) {
    return this.ledger.fhir(principal, query, req.originalUrl, requestId);
  }

  @Get('verification')
  @Access({ orgTypes: [...AUDITOR.orgTypes], roles: [...AUDITOR.roles] })
  @ApiOperation({
    operationId: 'verifyAuditLedger',
    summary: 'Recomputes the whole hash chain and names the first row that breaks it',
  })
  @ApiJsonResponse(200, verificationSchema)
  verify(@CurrentPrincipal() principal: Principal, @RequestId() requestId: string | undefined) {
    return this.ledger.verify(principal, requestId);
  }

  @Get('checkpoint')
  @Access({ orgTypes: [...AUDITOR.orgTypes], roles: [...AUDITOR.roles] })
  @ApiOperation({
    operationId: 'auditLedgerCheckpoint',
    summary: 'The ledger’s row count and last hash, signed with the service’s Ed25519 key, to keep outside',
  })
  @ApiJsonResponse(200, checkpointSchema)
  checkpoint(@CurrentPrincipal() principal: Principal, @RequestId() requestId: string | undefined) {
    return this.ledger.checkpoint(principal, requestId);
  }

  @Post('checkpoint/verification')
  @HttpCode(200)
  @Access({ orgTypes: [...AUDITOR.orgTypes], roles: [...AUDITOR.roles] })
  @ApiOperation({
    operationId: 'checkAuditLedgerCheckpoint',
    summary:
      'Checks a kept checkpoint: signature, key, and that the ledger still holds its last row and adds up',
  })
  @ApiJsonResponse(200, checkpointCheckSchema)
  @ApiProblems(400)
  checkCheckpoint(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(checkpointInput)) body: CheckpointInput,
    @RequestId() requestId: string | undefined,
  ) {
    return this.ledger.checkCheckpoint(principal, body, requestId);
  }
}
