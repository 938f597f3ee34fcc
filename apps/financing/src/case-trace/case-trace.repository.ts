import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';

/** A version of a month's cost line of the case, and when the ledger wrote it. */
export interface CaseCostLineRow {
  referralId: string;
  month: string;
  payer: { type: 'municipality' | 'region'; code: string };
  version: number;
  accruedAt: Date;
  citizenPseudonym: string;
}

/** A line of a refusion claim that holds the case, with its claim's times. */
export interface CaseClaimLineRow {
  claimId: string;
  lineNo: number;
  municipalityCode: string;
  year: number;
  quarter: number;
  eligible: boolean;
  decision: 'APPROVED' | 'REJECTED' | null;
  submittedAt: Date;
  decidedAt: Date | null;
}

/** At most this many rows of each kind: a case has a cost line per month and payer, a claim line per quarter. */
const LIMIT = 1000;

/** Financing's rows of one citizen's case, by its correlation id (indexed: cost_line, refusion_claim_line). */
@Injectable()
export class CaseTraceRepository {
  constructor(private readonly db: PgDatabase) {}

  async costLines(correlationId: string): Promise<CaseCostLineRow[]> {
    const { rows } = await this.db.query<CaseCostLineRow>({
      text: `SELECT referral_id AS "referralId", month, json_build_object('type', payer_type, 'code', payer_code) AS payer,
                    version, accrued_at AS "accruedAt", citizen_pseudonym AS "citizenPseudonym"
             FROM cost_line WHERE correlation_id = $1
             ORDER BY accrued_at, month, payer_type, payer_code LIMIT ${LIMIT}`,
      values: [correlationId],
    });
    return rows;
  }

  async claimLines(correlationId: string): Promise<CaseClaimLineRow[]> {
    const { rows } = await this.db.query<CaseClaimLineRow>({
      text: `SELECT c.id AS "claimId", l.line_no AS "lineNo", c.municipality_code AS "municipalityCode", c.year,
                    c.quarter, l.eligible, l.decision, c.submitted_at AS "submittedAt", c.decided_at AS "decidedAt"
             FROM refusion_claim_line l JOIN refusion_claim c ON c.id = l.claim_id
             WHERE l.correlation_ids @> ARRAY[$1]::text[]
             ORDER BY c.submitted_at, l.line_no LIMIT ${LIMIT}`,
      values: [correlationId],
    });
    return rows;
  }
}
