-- CreateTable
CREATE TABLE "offer" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "operator_org_type" TEXT NOT NULL,
    "operator_org_code" TEXT NOT NULL,
    "private_provider_cvr" TEXT,
    "private_provider_name" TEXT,
    "legal_bases" TEXT[],
    "target_groups" TEXT[],
    "level" TEXT NOT NULL,
    "places" INTEGER NOT NULL,
    "rate_per_day" DECIMAL(12,2),
    "status" TEXT NOT NULL,
    "street" TEXT,
    "postal_code" TEXT,
    "city" TEXT,
    "municipality_code" TEXT NOT NULL,
    "parent_offer_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "offer_name_id_idx" ON "offer"("name", "id");

-- CreateIndex
CREATE INDEX "offer_operator_org_type_operator_org_code_idx" ON "offer"("operator_org_type", "operator_org_code");

-- CreateIndex
CREATE INDEX "offer_municipality_code_idx" ON "offer"("municipality_code");

-- CreateIndex
CREATE INDEX "offer_parent_offer_id_idx" ON "offer"("parent_offer_id");

-- CreateIndex
CREATE INDEX "offer_target_groups_idx" ON "offer" USING GIN ("target_groups");

-- AddForeignKey
ALTER TABLE "offer" ADD CONSTRAINT "offer_parent_offer_id_fkey" FOREIGN KEY ("parent_offer_id") REFERENCES "offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
