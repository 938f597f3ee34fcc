import { Injectable } from '@nestjs/common';
import { isIsoDate, todayInDenmark } from '@platform/domain';
import { decodeCursor, encodeCursor, pageOf, ProblemException } from '@platform/http';
import { dayOf } from '@platform/persistence';
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
      query.cursor ? afterCursor(query.cursor) : undefined,
    );
    const page = pageOf(rows, query.limit, (row) => encodeCursor({ key: dayOf(row.validTo), id: row.id }));
    // Two counts per function from ActivityRepository (its per-year queries); a page is at most 200 functions and
    // the national plan holds hundreds, so this stays cheap next to a read model of volumes of its own.
    const views = await Promise.all(page.items.map((row) => this.view(row, today)));
    return {
      items:
        query.belowMinimum === undefined ? views : views.filter((v) => v.belowMinimum === query.belowMinimum),
      nextCursor: page.nextCursor,
    };
  }

  private async view(row: ListedFunction, today: string): Promise<FunctionView> {
    return toFunctionView(row, await this.volumes.of(row, today), today);
  }
}

/** The list is ordered by the last valid day, then id; year 0000 is no date to PostgreSQL. */
function afterCursor(cursor: string): { validTo: string; id: string } {
  const { key, id } = decodeCursor(cursor, (day) => isIsoDate(day) && day >= '0001-01-01');
  return { validTo: key, id };
}
