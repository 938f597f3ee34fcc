import { Injectable } from '@nestjs/common';
import { actorExtension, AuditTrail, type AuditEntry, type Principal } from '@platform/auth';
import { ReferralCreated } from '@platform/contracts';
import { Cpr, todayInDenmark } from '@platform/domain';
import {
  decodeInstantCursor,
  encodeInstantCursor,
  pageOf,
  ProblemException,
  type RequestMeta,
} from '@platform/http';
import { UnitOfWork } from '@platform/kit';
import { correlationIdOrNew, OutboxRelay, OutboxWriter } from '@platform/messaging';
import { randomUUID } from 'node:crypto';
import { CprVault } from '../citizen/cpr-vault';
import type { Tx } from '../database/prisma.service';
import type { CreateReferralInput } from './dto/create-referral.dto';
import type { ListReferralsQuery } from './dto/list-referrals.query';
import { maySeeCitizen, operatorScope, referralScope } from './referral-scope';
import { ReferralRepository, type ReferralFilter, type ReferralRow } from './referral.repository';

export interface ReferralPage {
  items: ReferralRow[];
  nextCursor: string | null;
}

/** Creating and reading referrals (visitationssager). */
@Injectable()
export class ReferralService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly referrals: ReferralRepository,
    private readonly vault: CprVault,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly audit: AuditTrail,
  ) {}

  async create(principal: Principal, input: CreateReferralInput, meta: RequestMeta): Promise<ReferralRow> {
    const cpr = Cpr.parse(input.cpr);
    const referralDate = input.referralDate ?? todayInDenmark();
    const sealed = this.vault.seal(cpr);
    const pseudonym = this.vault.pseudonym(cpr);
    const ageGroup = cpr.ageGroupOn(referralDate);
    const now = new Date();
    // The case's id from here on: the request's (its X-Request-Id), kept on the referral for later commands.
    const correlationId = correlationIdOrNew();
    const row = await this.uow.run(async (tx: Tx) => {
      const created = await this.referrals.insert(tx, {
        id: randomUUID(),
        municipalityCode: principal.orgCode,
        status: 'DRAFT',
        cprCiphertext: new Uint8Array(sealed.ciphertext),
        cprKeyId: sealed.keyId,
        citizenPseudonym: pseudonym,
        ageGroup,
        targetGroup: input.targetGroup,
        assessedLevel: input.assessedLevel,
        caseworkerDoubt: input.caseworkerDoubt,
        urgent: input.urgent,
        urgentReason: input.urgentReason ?? null,
        referralDate: new Date(`${referralDate}T00:00:00Z`),
        adviceReasons: [],
        deviationReasons: [],
        createdBy: principal.subject,
        correlationId,
        createdAt: now,
        updatedAt: now,
      });
      await this.outbox.append(tx, ReferralCreated, {
        subject: created.id,
        data: {
          referralId: created.id,
          municipalityCode: created.municipalityCode,
          citizenPseudonym: pseudonym,
          ageGroup,
          targetGroup: created.targetGroup,
          assessedLevel: input.assessedLevel,
          urgent: created.urgent,
          caseworkerDoubt: created.caseworkerDoubt,
          referralDate,
          createdAt: now.toISOString(),
        },
        extensions: actorExtension(principal),
        correlationId,
      });
      await this.audit.record(tx, principal, {
        correlationId,
        action: 'referral.create',
        resource: { type: 'referral', id: created.id },
        citizenPseudonym: pseudonym,
        purpose: 'visitation',
        outcome: 'ALLOWED',
        requestId: meta.requestId,
      });
      return created;
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return row;
  }

  /** One referral in the caller's scope, the read audited; 404 otherwise (and an audit event saying so). */
  async get(principal: Principal, id: string, meta: RequestMeta): Promise<ReferralRow> {
    const row = await this.findOrDeny(principal, id, meta, 'referral.read');
    await this.audit.recordNow(principal, readEntry(principal, 'referral.read', row, meta));
    return row;
  }

  /** The caller's referrals; every referral shown is an audited read of that citizen's case. */
  async list(principal: Principal, query: ListReferralsQuery, meta: RequestMeta): Promise<ReferralPage> {
    return this.audited(principal, 'referral.list', await this.page(referralScope(principal), query), meta);
  }

  /** The operator's worklist: referrals sent to the caller's offers only, each shown one audited. */
  async listForOperator(
    principal: Principal,
    query: ListReferralsQuery,
    meta: RequestMeta,
  ): Promise<ReferralPage> {
    const page = await this.page(operatorScope(principal), query);
    return this.audited(principal, 'referral.worklist', page, meta);
  }

  private async audited(principal: Principal, action: string, page: ReferralPage, meta: RequestMeta) {
    await this.audit.recordAllNow(
      principal,
      page.items.map((row) => readEntry(principal, action, row, meta)),
    );
    return page;
  }

  private async findOrDeny(principal: Principal, id: string, meta: RequestMeta, action: string) {
    const row = await this.referrals.findInScope(id, referralScope(principal));
    if (row) return row;
    await this.audit.denied(principal, {
      action,
      resource: { type: 'referral', id },
      requestId: meta.requestId,
    });
    throw ProblemException.notFound(`referral ${id}`);
  }

  private async page(scope: ReferralFilter, query: ListReferralsQuery): Promise<ReferralPage> {
    const after = query.cursor ? decodeInstantCursor(query.cursor) : undefined;
    const rows = await this.referrals.list({ AND: [scope, filterOf(query)] }, query.limit + 1, after);
    return pageOf(rows, query.limit, (row) => encodeInstantCursor({ at: row.createdAt, id: row.id }));
  }

  /** The citizen's identity: only for the referring municipality and an operator after acceptance; audited. */
  async citizen(principal: Principal, id: string, meta: RequestMeta) {
    const row = await this.findOrDeny(principal, id, meta, 'citizen.read');
    if (!maySeeCitizen(principal, row)) {
      await this.audit.denied(principal, {
        action: 'citizen.read',
        resource: { type: 'referral', id },
        requestId: meta.requestId,
      });
      throw ProblemException.forbidden(
        "the citizen's identity is visible to the operator only after acceptance",
      );
    }
    const cpr = this.vault.open({ ciphertext: Buffer.from(row.cprCiphertext), keyId: row.cprKeyId });
    await this.audit.recordNow(principal, readEntry(principal, 'citizen.read', row, meta));
    return { cpr: cpr.value, pseudonym: row.citizenPseudonym, ageGroup: row.ageGroup };
  }
}

function filterOf(q: ListReferralsQuery): ReferralFilter {
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.targetGroup ? { targetGroup: q.targetGroup } : {}),
    ...(q.level ? { assessedLevel: q.level } : {}),
    ...(q.offerId ? { decisionOfferId: q.offerId } : {}),
    ...(q.deviation !== undefined ? { deviation: q.deviation } : {}),
    ...(q.adviceOverdue !== undefined ? { adviceOverdue: q.adviceOverdue } : {}),
    ...(q.from || q.to
      ? {
          referralDate: {
            ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
            ...(q.to ? { lte: new Date(`${q.to}T00:00:00Z`) } : {}),
          },
        }
      : {}),
  };
}

/** An allowed read of one citizen's case: who, which case, which citizen (pseudonym), why. */
function readEntry(principal: Principal, action: string, row: ReferralRow, meta: RequestMeta): AuditEntry {
  return {
    correlationId: row.correlationId,
    action,
    resource: { type: 'referral', id: row.id },
    citizenPseudonym: row.citizenPseudonym,
    purpose: principal.orgType === 'region' ? 'placement' : 'visitation',
    outcome: 'ALLOWED',
    requestId: meta.requestId,
  };
}
