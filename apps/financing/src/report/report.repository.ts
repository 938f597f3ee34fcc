import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { FundedFunctionFacts } from './report.domain';

@Injectable()
export class ReportRepository {
  constructor(private readonly db: PgDatabase) {}

  /** Advisory functions valid at some time in the year, optionally of one operator. */
  async functions(year: number, operatorOrgCode?: string): Promise<FundedFunctionFacts[]> {
    const { rows } = await this.db.query<FundedFunctionFacts>({
      text: `SELECT function_id AS "functionId", offer_id AS "offerId", operator_org_code AS "operatorOrgCode",
                    target_group AS "targetGroup", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
                    to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
             FROM funded_function
             WHERE valid_from <= $1::date AND valid_to >= $2::date ${operatorOrgCode ? 'AND operator_org_code = $3' : ''}
             ORDER BY offer_id, target_group`,
      values: [`${year}-12-31`, `${year}-01-01`, ...(operatorOrgCode ? [operatorOrgCode] : [])],
    });
    return rows;
  }
}
