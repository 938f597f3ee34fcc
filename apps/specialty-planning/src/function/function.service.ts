import { Injectable } from '@nestjs/common';
import { isIsoDate, todayInDenmark } from '@platform/domain';
import { ProblemException } from '@platform/http';
import { expiryHorizon } from './domain/function-validity';
import type { ListFunctionsQuery } from './dto/list-functions.query';
import { FunctionVolumes } from './function-volume';
import { FunctionRepository, type ListedFunction } from './function.repository';
import { toFunctionView, type FunctionView } from './function.view';

export interface FunctionPage {
  items: FunctionView[];
  nextCursor: string | null;
}

/** Reading approved functions, each with its volume and flags: public to any valid token (no personal data). */
@Injectable()
export class FunctionService {
  constructor(
    private readonly functions: FunctionRepository,
    private readonly volumes: FunctionVolumes,
  ) {}

  async get(id: string): Promise<FunctionView> {
    const row = await this.functions.find(id);
    if (!row) throw ProblemException.notFound(`function ${id}`);
    return this.view(row, todayInDenmark());
  }

  async list(query: ListFunctionsQuery): Promise<FunctionPage> {
    const today = todayInDenmark();
    const rows = await this.functions.list(
      {
        offerId: query.offerId,
        targetGroup: query.targetGroup,
        functionType: query.functionType,
        today,
        includeEnded: query.includeEnded,
        endingBy:
          query.expiringWithinMonths === undefined
            ? undefined
            : expiryHorizon(today, query.expiringWithinMonths),
      },
      query.limit + 1,
      query.cursor ? decodeCursor(query.cursor) : undefined,
    );
    const page = rows.slice(0, query.limit);
    // Two counts per function from ActivityRepository (its per-year queries); a page is at most 200 functions and
    // the national plan holds hundreds, so this stays cheap next to a read model of volumes of its own.
    const views = await Promise.all(page.map((row) => this.view(row, today)));
    const last = page[page.length - 1];
    return {
      items:
        query.belowMinimum === undefined ? views : views.filter((v) => v.belowMinimum === query.belowMinimum),
      nextCursor: rows.length > query.limit ? encodeCursor(last) : null,
    };
  }

  private async view(row: ListedFunction, today: string): Promise<FunctionView> {
    return toFunctionView(row, await this.volumes.of(row, today), today);
  }
}

function encodeCursor(row: ListedFunction): string {
  return Buffer.from(`${row.validTo.toISOString().slice(0, 10)}|${row.id}`).toString('base64url');
}

/** A cursor this service did not write is bad input (400 naming it), never a database error. */
function decodeCursor(cursor: string): { validTo: string; id: string } {
  const [validTo, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!isIsoDate(validTo) || validTo < '0001-01-01' || !UUID.test(id ?? '')) {
    throw ProblemException.validation([{ pointer: 'query:cursor', detail: 'not a cursor of this list' }]);
  }
  return { validTo, id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
