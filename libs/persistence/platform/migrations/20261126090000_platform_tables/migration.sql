-- Platform tables every service has, from one source (libs/persistence/platform; models in platform.prisma).
-- The migration runner applies these with each service's own migrations, in timestamp order.
-- IF NOT EXISTS for outbox and inbox: the referrals service created both in its first migration, before the
-- tables had one source; on every other database this creates them.

CREATE TABLE IF NOT EXISTS "outbox" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "message_key" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

CREATE INDEX IF NOT EXISTS "outbox_sent_at_seq_idx" ON "outbox"("sent_at", "seq");

CREATE TABLE IF NOT EXISTS "inbox" (
    "consumer" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_pkey" PRIMARY KEY ("consumer", "event_id")
);

-- Idempotency keys belong to a caller (organisation and subject), not to an OAuth client that many people
-- share, and the request hash is an HMAC under a service key. The earlier table (keys per client id, plain
-- SHA-256 of the body, CPR included) is replaced rather than migrated: its hashes must not survive, and a key
-- only ever answered for 24 hours.
DROP TABLE IF EXISTS "idempotent_request";

CREATE TABLE "idempotent_request" (
    "caller" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER NOT NULL,
    "response_body" JSONB NOT NULL,
    "response_headers" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotent_request_pkey" PRIMARY KEY ("caller", "key")
);

CREATE INDEX "idempotent_request_expires_at_idx" ON "idempotent_request"("expires_at");
