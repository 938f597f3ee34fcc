-- Referrals: referral aggregate, read models of planning, idempotency keys, outbox and inbox.

CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "cpr_ciphertext" BYTEA NOT NULL,
    "cpr_key_id" TEXT NOT NULL,
    "citizen_pseudonym" TEXT NOT NULL,
    "age_group" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "assessed_level" TEXT NOT NULL,
    "caseworker_doubt" BOOLEAN NOT NULL,
    "urgent" BOOLEAN NOT NULL,
    "urgent_reason" TEXT,
    "referral_date" DATE NOT NULL,
    "advice_required" BOOLEAN,
    "advice_reasons" TEXT[],
    "advice_due_at" TIMESTAMPTZ(3),
    "advice_overdue" BOOLEAN NOT NULL DEFAULT false,
    "advice_case_id" UUID,
    "advice_level" TEXT,
    "advice_offer_id" UUID,
    "advice_rationale" TEXT,
    "advice_given_at" TIMESTAMPTZ(3),
    "decision_offer_id" UUID,
    "decision_level" TEXT,
    "decision_start_date" DATE,
    "decided_at" TIMESTAMPTZ(3),
    "decided_before_advice" BOOLEAN NOT NULL DEFAULT false,
    "follows_advice" BOOLEAN,
    "deviation" BOOLEAN NOT NULL DEFAULT false,
    "deviation_reasons" TEXT[],
    "deviation_justification" TEXT,
    "operator_org_code" TEXT,
    "rejection_reason" TEXT,
    "rejection_note" TEXT,
    "placement_start" DATE,
    "placement_end" DATE,
    "withdrawn_reason" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referral_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "referral_municipality_code_created_at_id_idx" ON "referral"("municipality_code", "created_at", "id");
CREATE INDEX "referral_decision_offer_id_status_idx" ON "referral"("decision_offer_id", "status");
CREATE INDEX "referral_citizen_pseudonym_idx" ON "referral"("citizen_pseudonym");

CREATE TABLE "offer" (
    "id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "operator_org_type" TEXT NOT NULL,
    "operator_org_code" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "target_groups" TEXT[],
    "places" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offer_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "responsibility_change" (
    "target_group" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "responsibility" TEXT NOT NULL,

    CONSTRAINT "responsibility_change_pkey" PRIMARY KEY ("target_group", "effective_from")
);

CREATE TABLE "idempotent_request" (
    "client_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER NOT NULL,
    "response_body" JSONB NOT NULL,
    "response_etag" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotent_request_pkey" PRIMARY KEY ("client_id", "key")
);

CREATE TABLE "outbox" (
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

CREATE INDEX "outbox_sent_at_seq_idx" ON "outbox"("sent_at", "seq");

CREATE TABLE "inbox" (
    "consumer" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_pkey" PRIMARY KEY ("consumer", "event_id")
);
