-- CreateTable
CREATE TABLE "responsibility_change" (
    "id" UUID NOT NULL,
    "target_group" TEXT NOT NULL,
    "responsibility" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "responsibility_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "takeover_request" (
    "id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "offer_id" UUID NOT NULL,
    "offer_operator_org_type" TEXT NOT NULL,
    "offer_operator_org_code" TEXT NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "takeover_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "framework_agreement" (
    "id" UUID NOT NULL,
    "framework_area_code" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "election_period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "framework_agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "needs_analysis" (
    "id" UUID NOT NULL,
    "framework_area_code" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "municipality_codes" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "needs_analysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "needs_analysis_line" (
    "analysis_id" UUID NOT NULL,
    "target_group" TEXT NOT NULL,
    "referrals" INTEGER NOT NULL,
    "waiting" INTEGER NOT NULL,
    "capacity_rejections" INTEGER NOT NULL,
    "deviations_to_lower_level" INTEGER NOT NULL,
    "average_days_to_placement" INTEGER,
    "places" INTEGER NOT NULL,
    "occupied" INTEGER NOT NULL,
    "gap_id" UUID,
    "gap_kinds" TEXT[],

    CONSTRAINT "needs_analysis_line_pkey" PRIMARY KEY ("analysis_id","target_group")
);

-- CreateIndex
CREATE INDEX "responsibility_change_target_group_effective_from_idx" ON "responsibility_change"("target_group", "effective_from");

-- CreateIndex
CREATE INDEX "takeover_request_municipality_code_requested_at_idx" ON "takeover_request"("municipality_code", "requested_at");

-- CreateIndex
CREATE INDEX "takeover_request_offer_operator_org_code_requested_at_idx" ON "takeover_request"("offer_operator_org_code", "requested_at");

-- CreateIndex
CREATE UNIQUE INDEX "framework_agreement_area_municipality_period_key" ON "framework_agreement"("framework_area_code", "municipality_code", "election_period");

-- CreateIndex
CREATE INDEX "needs_analysis_framework_area_code_created_at_idx" ON "needs_analysis"("framework_area_code", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "needs_analysis_line_gap_id_key" ON "needs_analysis_line"("gap_id");

-- AddForeignKey
ALTER TABLE "needs_analysis_line" ADD CONSTRAINT "needs_analysis_line_analysis_id_fkey" FOREIGN KEY ("analysis_id") REFERENCES "needs_analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
