-- The generator's example table gives way to the first real capability.
DROP TABLE "service_info";

-- CreateTable
CREATE TABLE "referral_activity" (
    "referral_id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "citizen_pseudonym" TEXT,
    "target_group" TEXT,
    "assessed_level" TEXT,
    "referral_date" DATE,
    "status" TEXT NOT NULL,
    "offer_id" UUID,
    "decided_level" TEXT,
    "decided_on" DATE,
    "deviation" BOOLEAN NOT NULL DEFAULT false,
    "deviation_to_lower_level" BOOLEAN NOT NULL DEFAULT false,
    "placement_start" DATE,
    "placement_end" DATE,
    "advisor_org_code" TEXT,
    "advice_given_on" DATE,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referral_activity_pkey" PRIMARY KEY ("referral_id")
);

-- CreateTable
CREATE TABLE "referral_rejection" (
    "event_id" TEXT NOT NULL,
    "referral_id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "rejected_on" DATE NOT NULL,

    CONSTRAINT "referral_rejection_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE INDEX "referral_activity_offer_id_status_idx" ON "referral_activity"("offer_id", "status");

-- CreateIndex
CREATE INDEX "referral_activity_target_group_municipality_code_idx" ON "referral_activity"("target_group", "municipality_code");

-- CreateIndex
CREATE INDEX "referral_rejection_target_group_rejected_on_idx" ON "referral_rejection"("target_group", "rejected_on");
