-- CreateTable
CREATE TABLE "co_financing_invoice" (
    "id" UUID NOT NULL,
    "region_code" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "referral_id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "cost_ore" BIGINT NOT NULL,
    "share_percent_bp" INTEGER NOT NULL,
    "amount_ore" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "dispute_reason" TEXT,
    "revision" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "settled_at" TIMESTAMPTZ(3),

    CONSTRAINT "co_financing_invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "block_grant" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "total_ore" BIGINT NOT NULL,
    "key" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "block_grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "block_grant_allocation" (
    "grant_id" UUID NOT NULL,
    "region_code" TEXT NOT NULL,
    "weight" TEXT NOT NULL,
    "amount_ore" BIGINT NOT NULL,
    "instalments" BIGINT[],
    "paid_months" INTEGER[],

    CONSTRAINT "block_grant_allocation_pkey" PRIMARY KEY ("grant_id","region_code")
);

-- CreateTable
CREATE TABLE "funded_function" (
    "function_id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "operator_org_code" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL,

    CONSTRAINT "funded_function_pkey" PRIMARY KEY ("function_id")
);

-- CreateTable
CREATE TABLE "needs_gap" (
    "gap_id" UUID NOT NULL,
    "analysis_id" UUID NOT NULL,
    "region_code" TEXT NOT NULL,
    "framework_area_code" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "kinds" TEXT[],
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "needs_gap_pkey" PRIMARY KEY ("gap_id")
);

-- CreateTable
CREATE TABLE "risk_capital_application" (
    "id" UUID NOT NULL,
    "region_code" TEXT NOT NULL,
    "gap_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "amount_ore" BIGINT NOT NULL,
    "purpose" TEXT NOT NULL,
    "repayment_years" INTEGER,
    "first_repayment_year" INTEGER,
    "status" TEXT NOT NULL,
    "decision_reason" TEXT,
    "repayments" BIGINT[],
    "revision" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "risk_capital_application_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "co_financing_invoice_municipality_code_month_idx" ON "co_financing_invoice"("municipality_code", "month");

-- CreateIndex
CREATE INDEX "co_financing_invoice_region_code_month_idx" ON "co_financing_invoice"("region_code", "month");

-- CreateIndex
CREATE UNIQUE INDEX "co_financing_invoice_referral_id_month_region_code_key" ON "co_financing_invoice"("referral_id", "month", "region_code");

-- CreateIndex
CREATE UNIQUE INDEX "block_grant_year_key" ON "block_grant"("year");

-- CreateIndex
CREATE INDEX "risk_capital_application_region_code_idx" ON "risk_capital_application"("region_code");
