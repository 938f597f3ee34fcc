import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';

/** The advice counted in one year. */
interface YearCounts {
  year: number;
  citizensAdvised: number;
  adviceGiven: number;
  adviceOnTime: number;
  adviceFollowed: number;
  adviceDeviatedFrom: number;
}

/** The counts of one advisory function (or the national function without an offer) in one year. */
export interface FunctionMetrics extends YearCounts {
  advisoryFunctionId: string | null;
  functionId: string | null;
  offerId: string | null;
  offerName: string | null;
  operatorOrgCode: string;
  targetGroup: string;
  minimumYearlyVolume: number | null;
}

/** The same counts for a knowledge environment (an offer) as a whole: a citizen advised twice counts once. */
export interface EnvironmentMetrics extends YearCounts {
  offerId: string;
  offerName: string | null;
}

/** Decisions on advice counted per referring municipality and target group in one year (rule 4). */
export interface MunicipalityMetrics {
  municipalityCode: string;
  targetGroup: string;
  year: number;
  adviceGiven: number;
  adviceFollowed: number;
  adviceDeviatedFrom: number;
}

export interface MetricsFilter {
  year: number;
  offerId?: string;
  targetGroup?: string;
  advisoryFunctionId?: string | null;
  advisorOrgCode?: string;
  municipalityCode?: string;
}

// The year of advice is its Danish day's year; a case with no pseudonym (a case in doubt) counts as one citizen.
const COUNTS = `
  count(DISTINCT COALESCE(c.citizen_pseudonym, c.id::text))::int AS "citizensAdvised",
  count(*)::int AS "adviceGiven",
  count(*) FILTER (WHERE c.advice_on_time)::int AS "adviceOnTime",
  count(*) FILTER (WHERE c.follows_advice IS TRUE)::int AS "adviceFollowed",
  count(*) FILTER (WHERE c.deviation IS TRUE)::int AS "adviceDeviatedFrom"`;
const YEAR = `extract(year FROM c.advice_given_at AT TIME ZONE 'Europe/Copenhagen')::int`;

/**
 * Volume and competence per advisory function and per knowledge environment, per year (øvelse gør mester):
 * counted from the advice cases, so the numbers always agree with the cases behind them.
 */
@Injectable()
export class MetricsRepository {
  constructor(private readonly db: PgDatabase) {}

  async perFunction(filter: MetricsFilter, tx: Tx = this.db): Promise<FunctionMetrics[]> {
    const { where, values } = conditions(filter);
    const { rows } = await tx.query<FunctionMetrics>({
      text: `
        SELECT c.advisory_function_id AS "advisoryFunctionId", f.planning_function_id AS "functionId",
               c.offer_id AS "offerId", o.name AS "offerName", c.advisor_org_code AS "operatorOrgCode",
               c.target_group AS "targetGroup", ${YEAR} AS year, ${COUNTS},
               f.minimum_yearly_volume AS "minimumYearlyVolume"
        FROM advice_case c
        LEFT JOIN advisory_function f ON f.id = c.advisory_function_id
        LEFT JOIN offer o ON o.id = c.offer_id
        WHERE ${where}
        GROUP BY c.advisory_function_id, f.planning_function_id, c.offer_id, o.name, c.advisor_org_code,
                 c.target_group, year, f.minimum_yearly_volume
        ORDER BY c.target_group, c.offer_id NULLS LAST, c.advisory_function_id`,
      values,
    });
    return rows;
  }

  async perEnvironment(filter: MetricsFilter, tx: Tx = this.db): Promise<EnvironmentMetrics[]> {
    const { where, values } = conditions(filter);
    const { rows } = await tx.query<EnvironmentMetrics>({
      text: `
        SELECT c.offer_id AS "offerId", o.name AS "offerName", ${YEAR} AS year, ${COUNTS}
        FROM advice_case c LEFT JOIN offer o ON o.id = c.offer_id
        WHERE ${where} AND c.offer_id IS NOT NULL
        GROUP BY c.offer_id, o.name, year
        ORDER BY c.offer_id`,
      values,
    });
    return rows;
  }

  /**
   * The same advice per municipality that referred (or asked about) the citizen and target group: where decisions
   * deviate from advice. The municipality is the case's, from the referral event that opened it.
   */
  async perMunicipality(filter: MetricsFilter, tx: Tx = this.db): Promise<MunicipalityMetrics[]> {
    const { where, values } = conditions(filter);
    const { rows } = await tx.query<MunicipalityMetrics>({
      text: `
        SELECT c.municipality_code AS "municipalityCode", c.target_group AS "targetGroup", ${YEAR} AS year,
               count(*)::int AS "adviceGiven",
               count(*) FILTER (WHERE c.follows_advice IS TRUE)::int AS "adviceFollowed",
               count(*) FILTER (WHERE c.deviation IS TRUE)::int AS "adviceDeviatedFrom"
        FROM advice_case c
        WHERE ${where}
        GROUP BY c.municipality_code, c.target_group, year
        ORDER BY c.municipality_code, c.target_group`,
      values,
    });
    return rows;
  }
}

function conditions(filter: MetricsFilter): { where: string; values: unknown[] } {
  const values: unknown[] = [filter.year];
  const where = [`c.status = 'ADVICE_GIVEN'`, `${YEAR} = $1`];
  if (filter.offerId) where.push(`c.offer_id = $${values.push(filter.offerId)}::uuid`);
  if (filter.targetGroup) where.push(`c.target_group = $${values.push(filter.targetGroup)}`);
  if (filter.advisoryFunctionId !== undefined) {
    where.push(
      filter.advisoryFunctionId === null
        ? 'c.advisory_function_id IS NULL'
        : `c.advisory_function_id = $${values.push(filter.advisoryFunctionId)}::uuid`,
    );
  }
  if (filter.municipalityCode) where.push(`c.municipality_code = $${values.push(filter.municipalityCode)}`);
  if (filter.advisorOrgCode) where.push(`c.advisor_org_code = $${values.push(filter.advisorOrgCode)}`);
  return { where: where.join(' AND '), values };
}
