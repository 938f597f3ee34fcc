import { Injectable } from '@nestjs/common';
import { PgDatabase } from '@platform/persistence';
import type { Tx } from '../database/prisma.service';
import type { ClaimEntry, ClaimLineResult, ClaimMonth, ReferralReason } from './domain/claim-computation';

export interface ClaimRow {
  id: string;
  municipalityCode: string;
  year: number;
  quarter: number;
  ruleSetId: string;
  status: 'SUBMITTED' | 'DECIDED';
  claimedOre: number;
  approvedOre: number | null;
  previouslyApprovedOre: number;
  households: string[][];
  /** The over-67 declarations the claim was computed with (as sent). */
  over67: { referralId: string; birthday67: string; coveredBefore?: boolean }[];
  revision: number;
  submittedAt: Date;
  decidedAt: Date | null;
}

export interface LineRow {
  lineNo: number;
  citizenPseudonyms: string[];
  referralIds: string[];
  eligible: boolean;
  reasons: ReferralReason[];
  netExpenseOre: number;
  eligibleExpenseOre: number;
  refusionOre: number;
  months: ClaimMonth[];
  decision: 'APPROVED' | 'REJECTED' | null;
  decisionReason: string | null;
}

export interface ClaimAggregate {
  claim: ClaimRow;
  lines: LineRow[];
}

const CLAIM_SELECT = `
  SELECT id, municipality_code AS "municipalityCode", year, quarter, rule_set_id AS "ruleSetId", status,
         claimed_ore::float8 AS "claimedOre", approved_ore::float8 AS "approvedOre",
         previously_approved_ore::float8 AS "previouslyApprovedOre", households, over67, revision,
         submitted_at AS "submittedAt", decided_at AS "decidedAt"
  FROM refusion_claim`;

const encodeReason = (r: ReferralReason) => `${r.referralId}|${r.reason}|${r.eligible ? 1 : 0}`;
const decodeReason = (s: string): ReferralReason => {
  const [referralId, reason, eligible] = s.split('|');
  return { referralId: referralId!, reason: reason as ReferralReason['reason'], eligible: eligible === '1' };
};

@Injectable()
export class RefusionRepository {
  constructor(private readonly db: PgDatabase) {}

  async insertEntry(
    tx: Tx,
    e: {
      id: string;
      municipalityCode: string;
      referralId: string;
      kind: string;
      date: string;
      amountOre: number;
      description: string;
      createdBy: string;
    },
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO one_off_entry (id, municipality_code, referral_id, kind, entry_date, amount_ore, description,
                                 created_by, created_at)
      VALUES (${e.id}::uuid, ${e.municipalityCode}, ${e.referralId}::uuid, ${e.kind}, ${e.date}::date, ${e.amountOre},
              ${e.description}, ${e.createdBy}, now())`;
  }

  async entries(municipalityCode: string, year: number, tx: Tx = this.db) {
    return tx.$queryRaw<
      {
        id: string;
        referralId: string;
        kind: ClaimEntry['kind'];
        date: string;
        amountOre: number;
        description: string;
      }[]
    >`
      SELECT id, referral_id AS "referralId", kind, to_char(entry_date, 'YYYY-MM-DD') AS date,
             amount_ore::float8 AS "amountOre", description
      FROM one_off_entry
      WHERE municipality_code = ${municipalityCode} AND entry_date BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
      ORDER BY entry_date, id`;
  }

  /** What the latest decided claim before this quarter approved, year to date. */
  async previouslyApproved(tx: Tx, municipalityCode: string, year: number, quarter: number): Promise<number> {
    const rows = await tx.$queryRaw<{ approved: number }[]>`
      SELECT approved_ore::float8 AS approved FROM refusion_claim
      WHERE municipality_code = ${municipalityCode} AND year = ${year} AND quarter < ${quarter} AND status = 'DECIDED'
      ORDER BY quarter DESC LIMIT 1`;
    return rows[0]?.approved ?? 0;
  }

  async exists(tx: Tx, municipalityCode: string, year: number, quarter: number): Promise<boolean> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`claim:${municipalityCode}`}), ${year * 10 + quarter})`;
    const rows = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM refusion_claim WHERE municipality_code = ${municipalityCode} AND year = ${year} AND quarter = ${quarter}`;
    return rows.length > 0;
  }

  async insertClaim(
    tx: Tx,
    c: Omit<ClaimRow, 'approvedOre' | 'decidedAt' | 'revision'> & { submittedBy: string },
    lines: ClaimLineResult[],
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO refusion_claim (id, municipality_code, year, quarter, rule_set_id, status, claimed_ore,
                                  previously_approved_ore, households, over67, revision, submitted_by, submitted_at)
      VALUES (${c.id}::uuid, ${c.municipalityCode}, ${c.year}, ${c.quarter}, ${c.ruleSetId}::uuid, 'SUBMITTED',
              ${c.claimedOre}, ${c.previouslyApprovedOre}, ${JSON.stringify(c.households)}::jsonb,
              ${JSON.stringify(c.over67)}::jsonb, 1, ${c.submittedBy}, ${c.submittedAt})`;
    if (lines.length === 0) return;
    await tx.query({
      // A line carries the correlation ids of its referrals' cost lines (its cases), read in the claim's transaction.
      text: `INSERT INTO refusion_claim_line (id, claim_id, line_no, citizen_pseudonyms, referral_ids, eligible, reasons,
               net_expense_ore, eligible_expense_ore, refusion_ore, months, correlation_ids)
             SELECT gen_random_uuid(), $1::uuid, l.no, l.pseudonyms, l.referrals, l.eligible, l.reasons, l.net, l.eligible_net,
                    l.refusion, l.months,
                    ARRAY(SELECT DISTINCT c.correlation_id FROM cost_line c
                          WHERE c.referral_id = ANY(l.referrals::uuid[]) AND c.correlation_id IS NOT NULL
                          ORDER BY 1)
             FROM jsonb_to_recordset($2::jsonb) AS l(no int, pseudonyms text[], referrals text[], eligible boolean,
                    reasons text[], net bigint, eligible_net bigint, refusion bigint, months jsonb)`,
      values: [
        c.id,
        JSON.stringify(
          lines.map((l, i) => ({
            no: i + 1,
            pseudonyms: l.citizenPseudonyms,
            referrals: l.referralIds,
            eligible: l.eligible,
            reasons: l.reasons.map(encodeReason),
            net: l.netExpenseOre,
            eligible_net: l.eligibleExpenseOre,
            refusion: l.refusionOre,
            months: l.months,
          })),
        ),
      ],
    });
  }

  async find(id: string, tx: Tx = this.db, lock = ''): Promise<ClaimAggregate | null> {
    const { rows } = await tx.query<ClaimRow>({
      text: `${CLAIM_SELECT} WHERE id = $1::uuid ${lock}`,
      values: [id],
    });
    const claim = rows[0];
    if (!claim) return null;
    const { rows: lines } = await tx.query<Omit<LineRow, 'reasons'> & { reasons: string[] }>({
      text: `SELECT line_no AS "lineNo", citizen_pseudonyms AS "citizenPseudonyms", referral_ids AS "referralIds", eligible,
                    reasons, net_expense_ore::float8 AS "netExpenseOre", eligible_expense_ore::float8 AS "eligibleExpenseOre",
                    refusion_ore::float8 AS "refusionOre", months, decision, decision_reason AS "decisionReason"
             FROM refusion_claim_line WHERE claim_id = $1::uuid ORDER BY line_no`,
      values: [id],
    });
    return { claim, lines: lines.map((l) => ({ ...l, reasons: l.reasons.map(decodeReason) })) };
  }

  /** Whose a claim is, without its lines: enough to decide who may read it. */
  async owner(id: string): Promise<{ municipalityCode: string } | null> {
    const rows = await this.db.$queryRaw<{ municipalityCode: string }[]>`
      SELECT municipality_code AS "municipalityCode" FROM refusion_claim WHERE id = ${id}::uuid`;
    return rows[0] ?? null;
  }

  /** The claims of a municipality's year, by quarter (what the year-end settlement starts from). */
  async ofYear(tx: Tx, municipalityCode: string, year: number): Promise<ClaimRow[]> {
    const { rows } = await tx.query<ClaimRow>({
      text: `${CLAIM_SELECT} WHERE municipality_code = $1 AND year = $2 ORDER BY quarter`,
      values: [municipalityCode, year],
    });
    return rows;
  }

  /** The referrals of the lines the state rejected in a claim. */
  async rejectedReferrals(tx: Tx, claimId: string): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT unnest(referral_ids) AS id FROM refusion_claim_line
      WHERE claim_id = ${claimId}::uuid AND decision = 'REJECTED'`;
    return rows.map((r) => r.id);
  }

  async list(filter: { municipalityCode?: string; year?: number }): Promise<ClaimRow[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.municipalityCode) where.push(`municipality_code = $${values.push(filter.municipalityCode)}`);
    if (filter.year) where.push(`year = $${values.push(filter.year)}`);
    const { rows } = await this.db.query<ClaimRow>({
      text: `${CLAIM_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY year DESC, quarter DESC, submitted_at DESC LIMIT 500`,
      values,
    });
    return rows;
  }

  async decide(
    tx: Tx,
    id: string,
    decisions: { lineNo: number; approved: boolean; reason: string | null }[],
    approvedOre: number,
    decidedBy: string,
  ): Promise<void> {
    await tx.query({
      text: `UPDATE refusion_claim_line l SET decision = CASE WHEN d.approved THEN 'APPROVED' ELSE 'REJECTED' END,
               decision_reason = d.reason
             FROM jsonb_to_recordset($2::jsonb) AS d(line_no int, approved boolean, reason text)
             WHERE l.claim_id = $1::uuid AND l.line_no = d.line_no`,
      values: [
        id,
        JSON.stringify(decisions.map((d) => ({ line_no: d.lineNo, approved: d.approved, reason: d.reason }))),
      ],
    });
    await tx.$executeRaw`
      UPDATE refusion_claim SET status = 'DECIDED', approved_ore = ${approvedOre}, decided_by = ${decidedBy},
        decided_at = now(), revision = revision + 1
      WHERE id = ${id}::uuid`;
  }
}
