-- Issue 13, correlation: financing's rows of a citizen's case carry the case's correlation id (CloudEvents
-- `correlationid`), so tools/trace can show them. A placement keeps the id of the placement event that brought it
-- (the referral's case); every version of its cost lines takes it from the placement, whichever fact re-accrued
-- them; a claim line carries the ids of its referrals' cost lines (a household's line: several cases).
-- Rows from before have none (null, an empty array).

ALTER TABLE "placement" ADD COLUMN "correlation_id" TEXT;

ALTER TABLE "cost_line" ADD COLUMN "correlation_id" TEXT;

ALTER TABLE "refusion_claim_line" ADD COLUMN "correlation_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "cost_line_correlation_id_idx" ON "cost_line"("correlation_id");

-- CreateIndex
CREATE INDEX "refusion_claim_line_correlation_ids_idx" ON "refusion_claim_line" USING GIN ("correlation_ids");
