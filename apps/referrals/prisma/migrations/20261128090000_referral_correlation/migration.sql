-- Issue 13, correlation: a referral keeps the correlation id of its case (the X-Request-Id of the request that
-- created it), so every later event and audit row about it carries that id (docs/events.md). Nullable:
-- referrals created before have none, and their events carry the id of the request or event that causes them.
ALTER TABLE "referral" ADD COLUMN "correlation_id" TEXT;
