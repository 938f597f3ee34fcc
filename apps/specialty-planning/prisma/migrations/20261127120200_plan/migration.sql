-- CreateTable
CREATE TABLE "specialty_plan" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "consultation_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "specialty_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "specialty_plan_entry" (
    "id" UUID NOT NULL,
    "plan_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "target_group" TEXT NOT NULL,
    "function_type" TEXT NOT NULL,
    "offer_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL,
    "minimum_yearly_volume" INTEGER NOT NULL,

    CONSTRAINT "specialty_plan_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "function_application" (
    "id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "operator_org_type" TEXT NOT NULL,
    "operator_org_code" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "function_type" TEXT NOT NULL,
    "yearly_volume" INTEGER NOT NULL,
    "competences" TEXT NOT NULL,
    "health_cooperation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "rejection_reason" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "function_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "specialty_function" (
    "id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "operator_org_code" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "function_type" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL,
    "minimum_yearly_volume" INTEGER NOT NULL,
    "application_id" UUID,
    "plan_version_id" UUID,
    "expiry_announced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "specialty_function_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "specialty_plan_number_key" ON "specialty_plan"("number");

-- CreateIndex
CREATE INDEX "specialty_plan_status_effective_from_idx" ON "specialty_plan"("status", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "specialty_plan_entry_plan_id_position_key" ON "specialty_plan_entry"("plan_id", "position");

-- CreateIndex
CREATE INDEX "function_application_operator_org_code_created_at_idx" ON "function_application"("operator_org_code", "created_at");

-- CreateIndex
CREATE INDEX "function_application_created_at_idx" ON "function_application"("created_at");

-- CreateIndex
CREATE INDEX "specialty_function_offer_id_function_type_idx" ON "specialty_function"("offer_id", "function_type");

-- CreateIndex
CREATE INDEX "specialty_function_valid_to_idx" ON "specialty_function"("valid_to");

-- CreateIndex
CREATE INDEX "specialty_function_application_id_idx" ON "specialty_function"("application_id");

-- CreateIndex
CREATE INDEX "specialty_function_plan_version_id_idx" ON "specialty_function"("plan_version_id");

-- AddForeignKey
ALTER TABLE "specialty_plan_entry" ADD CONSTRAINT "specialty_plan_entry_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "specialty_plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialty_function" ADD CONSTRAINT "specialty_function_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "function_application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "specialty_function" ADD CONSTRAINT "specialty_function_plan_version_id_fkey" FOREIGN KEY ("plan_version_id") REFERENCES "specialty_plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
