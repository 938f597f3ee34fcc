-- The generator's example table goes: the service's real capabilities replace it.
DROP TABLE "service_info";

-- CreateTable
CREATE TABLE "rule_set" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "bands" JSONB NOT NULL,
    "advice_condition" TEXT NOT NULL,
    "co_financing" JSONB NOT NULL,
    "knowledge_overhead_bp" INTEGER NOT NULL,
    "advice_deadline_working_days" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "in_force_at" TIMESTAMPTZ(3),

    CONSTRAINT "rule_set_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offer" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "operator_org_type" TEXT NOT NULL,
    "operator_org_code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "target_groups" TEXT[],
    "municipality_code" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate" (
    "offer_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "amount_ore" BIGINT NOT NULL,
    "knowledge_overhead_ore" BIGINT NOT NULL,
    "revision" INTEGER NOT NULL,
    "set_by_org_code" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_pkey" PRIMARY KEY ("offer_id","year")
);

-- CreateTable
CREATE TABLE "responsibility_change" (
    "target_group" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "responsibility" TEXT NOT NULL,

    CONSTRAINT "responsibility_change_pkey" PRIMARY KEY ("target_group","effective_from")
);

-- CreateTable
CREATE TABLE "placement" (
    "referral_id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "citizen_pseudonym" TEXT NOT NULL,
    "age_group" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "offer_id" UUID NOT NULL,
    "operator_org_code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "deviation" BOOLEAN NOT NULL,
    "advice_obtained" BOOLEAN NOT NULL,
    "follows_advice" BOOLEAN,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "placement_pkey" PRIMARY KEY ("referral_id")
);

-- CreateTable
CREATE TABLE "one_off_entry" (
    "id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "referral_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "entry_date" DATE NOT NULL,
    "amount_ore" BIGINT NOT NULL,
    "description" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "one_off_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refusion_claim" (
    "id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "rule_set_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "claimed_ore" BIGINT NOT NULL,
    "approved_ore" BIGINT,
    "previously_approved_ore" BIGINT NOT NULL,
    "households" JSONB NOT NULL,
    "revision" INTEGER NOT NULL,
    "submitted_by" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "refusion_claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refusion_claim_line" (
    "id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "line_no" INTEGER NOT NULL,
    "citizen_pseudonyms" TEXT[],
    "referral_ids" TEXT[],
    "eligible" BOOLEAN NOT NULL,
    "reasons" TEXT[],
    "net_expense_ore" BIGINT NOT NULL,
    "eligible_expense_ore" BIGINT NOT NULL,
    "refusion_ore" BIGINT NOT NULL,
    "months" JSONB NOT NULL,
    "decision" TEXT,
    "decision_reason" TEXT,

    CONSTRAINT "refusion_claim_line_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "rule_set_year_version_key" ON "rule_set"("year", "version");

-- CreateIndex
CREATE INDEX "placement_municipality_code_idx" ON "placement"("municipality_code");

-- CreateIndex
CREATE INDEX "one_off_entry_municipality_code_entry_date_idx" ON "one_off_entry"("municipality_code", "entry_date");

-- CreateIndex
CREATE INDEX "refusion_claim_municipality_code_year_idx" ON "refusion_claim"("municipality_code", "year");

-- CreateIndex
CREATE UNIQUE INDEX "refusion_claim_line_claim_id_line_no_key" ON "refusion_claim_line"("claim_id", "line_no");
