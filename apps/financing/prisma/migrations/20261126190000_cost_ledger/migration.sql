-- Stored cost lines, the accrual job's months, published monthly totals, year-end settlements; the advice facts
-- the rule set's advice deadline needs; the over-67 declarations of a claim; the source of a grant's weights.

-- CreateTable
CREATE TABLE "cost_line" (
    "referral_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "payer_type" TEXT NOT NULL,
    "payer_code" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "citizen_pseudonym" TEXT NOT NULL,
    "offer_id" UUID NOT NULL,
    "target_group" TEXT NOT NULL,
    "first_day" DATE NOT NULL,
    "last_day" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "responsibility" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "rate_ore" BIGINT NOT NULL,
    "amount_ore" BIGINT NOT NULL,
    "knowledge_overhead_ore" BIGINT NOT NULL,
    "version" INTEGER NOT NULL,
    "accrued_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cost_line_pkey" PRIMARY KEY ("referral_id","month","payer_type","payer_code")
);

-- CreateIndex
CREATE INDEX "cost_line_municipality_code_month_idx" ON "cost_line"("municipality_code", "month");

-- CreateIndex
CREATE INDEX "cost_line_payer_type_payer_code_month_idx" ON "cost_line"("payer_type", "payer_code", "month");

-- CreateIndex
CREATE INDEX "cost_line_month_idx" ON "cost_line"("month");

-- CreateIndex
CREATE INDEX "cost_line_offer_id_month_idx" ON "cost_line"("offer_id", "month");

-- CreateTable
CREATE TABLE "cost_accrual_run" (
    "month" TEXT NOT NULL,
    "placements" INTEGER NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cost_accrual_run_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "published_cost_total" (
    "month" TEXT NOT NULL,
    "payer_type" TEXT NOT NULL,
    "payer_code" TEXT NOT NULL,
    "placements" INTEGER NOT NULL,
    "days" INTEGER NOT NULL,
    "amount_ore" BIGINT NOT NULL,
    "knowledge_overhead_ore" BIGINT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "published_cost_total_pkey" PRIMARY KEY ("month","payer_type","payer_code")
);

-- CreateTable
CREATE TABLE "refusion_settlement" (
    "id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "rule_set_id" UUID NOT NULL,
    "based_on_claim_id" UUID,
    "lines" INTEGER NOT NULL,
    "final_ore" BIGINT NOT NULL,
    "paid_ore" BIGINT NOT NULL,
    "settlement_ore" BIGINT NOT NULL,
    "settled_by" TEXT NOT NULL,
    "settled_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "refusion_settlement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "refusion_settlement_municipality_code_year_key" ON "refusion_settlement"("municipality_code", "year");

-- CreateIndex
CREATE INDEX "refusion_settlement_year_idx" ON "refusion_settlement"("year");

-- CreateTable
CREATE TABLE "urgent_decision" (
    "referral_id" UUID NOT NULL,
    "decided_on" DATE NOT NULL,
    "advice_received_on" DATE,

    CONSTRAINT "urgent_decision_pkey" PRIMARY KEY ("referral_id")
);

-- AlterTable
ALTER TABLE "placement" ADD COLUMN "decided_before_advice" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "decided_on" DATE,
ADD COLUMN "advice_received_on" DATE;

-- AlterTable
ALTER TABLE "refusion_claim" ADD COLUMN "over67" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "block_grant" ADD COLUMN "weights_source" TEXT;
