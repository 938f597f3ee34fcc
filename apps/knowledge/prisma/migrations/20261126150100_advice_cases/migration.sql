-- CreateTable
CREATE TABLE "advice_case" (
    "id" UUID NOT NULL,
    "referral_id" UUID,
    "origin" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "citizen_pseudonym" TEXT,
    "target_group" TEXT NOT NULL,
    "age_group" TEXT,
    "assessed_level" TEXT,
    "reasons" TEXT[],
    "question" TEXT,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "case_date" DATE NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "working_days" INTEGER NOT NULL,
    "due_date" DATE NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "overdue_at" TIMESTAMPTZ(3),
    "assignment_kind" TEXT NOT NULL,
    "advisory_function_id" UUID,
    "planning_function_id" UUID,
    "offer_id" UUID,
    "region_code" TEXT,
    "advisor_org_type" TEXT NOT NULL,
    "advisor_org_code" TEXT NOT NULL,
    "declined_function_ids" UUID[],
    "advice_level" TEXT,
    "advice_offer_id" UUID,
    "advice_offer_type" TEXT,
    "advice_rationale" TEXT,
    "advice_guideline_version_id" UUID,
    "advice_given_at" TIMESTAMPTZ(3),
    "advice_given_by" TEXT,
    "advice_on_time" BOOLEAN,
    "follows_advice" BOOLEAN,
    "deviation" BOOLEAN,
    "decided_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "advice_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advice_case_assignment" (
    "id" UUID NOT NULL,
    "advice_case_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "advisory_function_id" UUID,
    "offer_id" UUID,
    "region_code" TEXT,
    "advisor_org_type" TEXT NOT NULL,
    "advisor_org_code" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "reason" TEXT,
    "assigned_by" TEXT NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "advice_case_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advice_deadline_rule" (
    "target_group" TEXT NOT NULL,
    "working_days" INTEGER NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "advice_deadline_rule_pkey" PRIMARY KEY ("target_group")
);

-- CreateIndex
CREATE UNIQUE INDEX "advice_case_referral_id_key" ON "advice_case"("referral_id");

-- CreateIndex
CREATE INDEX "advice_case_region_code_status_idx" ON "advice_case"("region_code", "status");

-- CreateIndex
CREATE INDEX "advice_case_advisor_org_code_status_idx" ON "advice_case"("advisor_org_code", "status");

-- CreateIndex
CREATE INDEX "advice_case_municipality_code_created_at_idx" ON "advice_case"("municipality_code", "created_at");

-- CreateIndex
CREATE INDEX "advice_case_status_due_at_idx" ON "advice_case"("status", "due_at");

-- CreateIndex
CREATE INDEX "advice_case_advisory_function_id_advice_given_at_idx" ON "advice_case"("advisory_function_id", "advice_given_at");

-- CreateIndex
CREATE UNIQUE INDEX "advice_case_assignment_advice_case_id_position_key" ON "advice_case_assignment"("advice_case_id", "position");

-- AddForeignKey
ALTER TABLE "advice_case_assignment" ADD CONSTRAINT "advice_case_assignment_advice_case_id_fkey" FOREIGN KEY ("advice_case_id") REFERENCES "advice_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rule set's default (svarfrist): 10 working days for a target group without a row of its own.
INSERT INTO "advice_deadline_rule" ("target_group", "working_days", "updated_by", "updated_at")
VALUES ('*', 10, 'migration', now());
