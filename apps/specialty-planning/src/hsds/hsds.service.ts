import { Injectable } from '@nestjs/common';
import type { Principal } from '@platform/auth';
import { todayInDenmark, ValidationFailed } from '@platform/domain';
import { ProblemException, toFieldErrors, type ProblemFieldError, type RequestMeta } from '@platform/http';
import { UnitOfWork } from '@platform/kit';
import { OutboxRelay } from '@platform/messaging';
import type { Tx } from '../database/prisma.service';
import { operatorOf, type Operator } from '../offer/domain/offer';
import { registerOfferSchema, type RegisterOfferInput } from '../offer/dto/offer-body.dto';
import { OfferCommands } from '../offer/offer-commands.service';
import { OfferRepository, type OfferRow } from '../offer/offer.repository';
import { fromHsds, toHsds, type HsdsRecord } from './hsds-mapping';
import type { HsdsDocument, HsdsImportResult } from './hsds.schema';

interface ValidRecord {
  id: string;
  pointer: string;
  body: RegisterOfferInput;
}

/** An operator's offers in and out as Open Referral HSDS 3.0, through the same commands as the API. */
@Injectable()
export class HsdsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly offers: OfferRepository,
    private readonly commands: OfferCommands,
    private readonly relay: OutboxRelay,
  ) {}

  async export(principal: Principal): Promise<HsdsDocument> {
    const operator = operatorOf(principal);
    return toHsds(await this.offers.ofOperator(operator), operator, todayInDenmark());
  }

  /**
   * Creates the services that are new and updates those that exist (service id = offer id), in one transaction:
   * the first bad record is a 400 naming its path, and nothing of the file is written.
   */
  async import(principal: Principal, doc: HsdsDocument, meta: RequestMeta): Promise<HsdsImportResult> {
    const operator = operatorOf(principal);
    const records = validate(doc, operator);
    const result: HsdsImportResult = { created: [], updated: [], unchanged: [] };
    await this.uow.run(async (tx: Tx) => {
      // Offers with an address first: an intervention in the file may be declared under one of them.
      for (const record of [...records].sort((a, b) => rank(a) - rank(b))) {
        const outcome = await atPath(record.pointer, () => this.apply(tx, principal, operator, record, meta));
        result[outcome].push(record.id);
      }
    });
    this.uow.afterCommit(() => this.relay.nudge());
    return result;
  }

  private async apply(
    tx: Tx,
    principal: Principal,
    operator: Operator,
    { id, body }: ValidRecord,
    meta: RequestMeta,
  ): Promise<keyof HsdsImportResult> {
    const row = await this.offers.lock(tx, id);
    if (!row) {
      await this.commands.register(principal, body, meta, id);
      return 'created';
    }
    if (row.operatorOrgType !== operator.orgType || row.operatorOrgCode !== operator.orgCode) {
      throw new ImportRejected('/id', 'is an offer of another operator');
    }
    if ((row.privateProviderCvr ?? undefined) !== body.privateProvider?.cvr) {
      throw new ImportRejected('/organization_id', 'the private provider of an existing offer cannot change');
    }
    return this.update(tx, principal, operator, row, body, meta);
  }

  /** The API's edit, plus the places (one new version for both), with the API's events. */
  private async update(
    tx: Tx,
    principal: Principal,
    operator: Operator,
    row: OfferRow,
    body: RegisterOfferInput,
    meta: RequestMeta,
  ): Promise<keyof HsdsImportResult> {
    const { change, events } = await this.commands.planEdit(tx, operator, row, body, body.places);
    if (events.length === 0) return 'unchanged';
    await this.commands.applyEdit(tx, row, change);
    await this.commands.record(tx, principal, 'offer.import', row.id, events, meta);
    return 'updated';
  }
}

/** A record the import cannot apply, named relative to its service. */
class ImportRejected extends ValidationFailed {
  constructor(path: string, detail: string) {
    super('HSDS_RECORD_REJECTED', detail, [path]);
  }
}

const rank = (r: ValidRecord) => (r.body.parentOfferId ? 1 : 0);

/** Every record checked (the mapping, then the API's schema) before anything is written. */
function validate(doc: HsdsDocument, operator: Operator): ValidRecord[] {
  const { records, problems } = fromHsds(doc, operator);
  const errors: ProblemFieldError[] = problems.map((p) => ({ pointer: p.pointer, detail: p.detail }));
  const valid: ValidRecord[] = [];
  const ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.id))
      errors.push({ pointer: `${record.pointer}/id`, detail: 'appears twice in the file' });
    ids.add(record.id);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(record.id)) {
      errors.push({ pointer: `${record.pointer}/id`, detail: 'must be a UUID (it becomes the offer id)' });
    }
    const parsed = registerOfferSchema.safeParse(record.body);
    if (parsed.success)
      valid.push({ id: record.id.toLowerCase(), pointer: record.pointer, body: parsed.data });
    else errors.push(...prefixed(record, toFieldErrors(parsed.error.issues, 'body')));
  }
  if (errors.length) throw ProblemException.validation(errors.slice(0, 50));
  return valid;
}

const prefixed = (record: HsdsRecord, errors: ProblemFieldError[]) =>
  errors.map((e) => ({ pointer: `${record.pointer}${e.pointer}`, detail: e.detail }));

/** Runs one record's change; a domain rule it breaks (rule 9, another operator's id) names the record's path. */
async function atPath<T>(pointer: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    const path = error.pointers[0] ?? '';
    throw ProblemException.validation([{ pointer: `${pointer}${path}`, detail: error.message }]);
  }
}
