import { Injectable } from '@nestjs/common';
import { AuditTrail, type Principal } from '@platform/auth';
import { findElectionPeriod, findMunicipality, todayInDenmark, type FrameworkArea } from '@platform/domain';
import { ProblemException, problemType } from '@platform/http';
import { CommandRunner, commandFor, UnitOfWork, type ChangeRequest } from '@platform/kit';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../database/prisma.service';
import { areaOrNotFound } from './area-lookup';
import { AgreementRepository, type AgreementRow } from './agreement.repository';
import { agreementEtag } from './agreement.view';
import { agreementParties } from './domain/agreement-parties';
import { assertInitialStatus, assertStatusChange, type AgreementStatus } from './domain/agreement-status';
import { governs } from './domain/framework-access';
import type { CreateAgreementInput, ListAgreementsQuery } from './dto/framework.dto';

/** Who changes which agreement (`id`) of which area, against which ETag. */
export interface AgreementChange extends ChangeRequest {
  areaCode: string;
}

/** The social and special-education agreements of the framework-agreement areas (rule 10). */
@Injectable()
export class AgreementService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly runner: CommandRunner,
    private readonly repository: AgreementRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Records an agreement: 400 for a party or period that does not fit the area, 409 when it already exists. */
  async create(principal: Principal, areaCode: string, input: CreateAgreementInput, requestId?: string) {
    const area = await this.governedArea(principal, areaCode, 'framework-agreement.create', requestId);
    const { period, municipality } = agreementParties(area, input.municipalityCode, input.electionPeriod);
    assertInitialStatus(input.status, period, todayInDenmark());
    return this.uow.run(async (tx: Tx) => {
      const now = new Date();
      const saved = await this.repository.insertUnlessExists(tx, {
        id: randomUUID(),
        frameworkAreaCode: area.code,
        regionCode: area.regionCode,
        municipalityCode: municipality.code,
        electionPeriod: period.code,
        status: input.status,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      if (!saved) throw duplicate(area, municipality.code, period.code);
      await this.audit.record(tx, principal, {
        action: 'framework-agreement.create',
        resource: { type: 'framework-agreement', id: saved.id },
        purpose: 'planning',
        outcome: 'ALLOWED',
        requestId,
      });
      return saved;
    });
  }

  /** PUT …/status: If-Match, the status rule, the save and its audit, through the command runner. */
  async changeStatus(change: AgreementChange, status: AgreementStatus): Promise<AgreementRow> {
    const area = await this.governedArea(
      change.principal,
      change.areaCode,
      'framework-agreement.status',
      change.requestId,
    );
    return this.runner.run<AgreementRow, AgreementStatus, AgreementRow, Tx>({
      ...commandFor(change, 'framework-agreement'),
      action: 'framework-agreement.status',
      purpose: 'planning',
      load: (tx) => this.repository.find(area.code, change.id, tx, 'FOR UPDATE'),
      etag: agreementEtag,
      transition: (row) => {
        const period = findElectionPeriod(row.electionPeriod)!;
        assertStatusChange(row.status as AgreementStatus, status, period, todayInDenmark());
        return { change: status, events: [] };
      },
      save: (tx, row, next) => this.repository.updateStatus(tx, row, next),
    });
  }

  async get(areaCode: string, id: string): Promise<AgreementRow> {
    const area = areaOrNotFound(areaCode);
    const row = await this.repository.find(area.code, id);
    if (!row) throw ProblemException.notFound(`agreement ${id} of framework area ${area.code}`);
    return row;
  }

  list(areaCode: string, query: ListAgreementsQuery): Promise<AgreementRow[]> {
    const area = areaOrNotFound(areaCode);
    const municipalityCode = query.municipalityCode
      ? (findMunicipality(query.municipalityCode)?.code ?? query.municipalityCode)
      : undefined;
    return this.repository.list(area.code, { ...query, municipalityCode });
  }

  /** The area, when the caller governs it: 404 for no such area, 403 (audited) for another region's. */
  private async governedArea(principal: Principal, code: string, action: string, requestId?: string) {
    const area = areaOrNotFound(code);
    if (governs(principal, area)) return area;
    await this.audit.denied(principal, {
      action,
      resource: { type: 'framework-area', id: area.code },
      requestId,
    });
    throw ProblemException.forbidden(
      `only region ${area.regionCode} and the state record agreements of framework area ${area.code}`,
    );
  }
}

function duplicate(area: FrameworkArea, municipalityCode: string, period: string): ProblemException {
  return new ProblemException({
    type: problemType('agreement-exists'),
    title: 'Not allowed in the current state',
    status: 409,
    detail: `framework area ${area.code} already has an agreement with municipality ${municipalityCode} for ${period}`,
  });
}
