-- The generator's example table goes: the service's real capabilities replace it.
DROP TABLE "service_info";

-- CreateTable
CREATE TABLE "offer" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "operator_org_type" TEXT NOT NULL,
    "operator_org_code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "target_groups" TEXT[],
    "active" BOOLEAN NOT NULL,
    "municipality_code" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "advisory_function" (
    "id" UUID NOT NULL,
    "planning_function_id" UUID,
    "offer_id" UUID NOT NULL,
    "operator_org_code" TEXT,
    "target_group" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL,
    "minimum_yearly_volume" INTEGER NOT NULL,
    "plan_version" INTEGER,
    "expiry_announced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "advisory_function_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "advisory_function_planning_function_id_key" ON "advisory_function"("planning_function_id");

-- CreateIndex
CREATE INDEX "advisory_function_target_group_valid_to_idx" ON "advisory_function"("target_group", "valid_to");

-- CreateIndex
CREATE UNIQUE INDEX "advisory_function_offer_id_target_group_valid_from_key" ON "advisory_function"("offer_id", "target_group", "valid_from");
