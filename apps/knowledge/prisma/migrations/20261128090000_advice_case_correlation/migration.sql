-- Issue 13, correlation: an advice case keeps the correlation id of its case (the referral's, from the event
-- that opened it), so every later event and audit row about it carries that id (docs/events.md). Nullable:
-- cases opened before have none, and their events carry the id of the request or event that causes them.
ALTER TABLE "advice_case" ADD COLUMN "correlation_id" TEXT;
