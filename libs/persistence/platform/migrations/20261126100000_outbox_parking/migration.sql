-- Issue 7, finding 4: an outbox row that cannot be published for a reason of its own (too large for the broker,
-- a topic that does not exist) is tried a few times and then parked with its error, instead of blocking every
-- row behind it. A parked row still holds back the later rows of its own message key (the aggregate's events
-- keep their order); an operator clears `parked_at` (and `attempts`) to send it again.
ALTER TABLE "outbox"
    ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "last_error" TEXT,
    ADD COLUMN "parked_at" TIMESTAMPTZ(3);

-- The relay picks the first unsent row of each key (DISTINCT ON (message_key) … ORDER BY message_key, seq).
CREATE INDEX "outbox_message_key_seq_idx" ON "outbox"("message_key", "seq") WHERE "sent_at" IS NULL;
