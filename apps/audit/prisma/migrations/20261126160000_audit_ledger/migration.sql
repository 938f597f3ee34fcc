-- The generator's example table goes; the audit ledger comes (docs/audit.md).
DROP TABLE "service_info";

CREATE TABLE "audit_ledger" (
    "seq" BIGINT NOT NULL,
    "event_id" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_subject" TEXT NOT NULL,
    "actor_client_id" TEXT,
    "actor_org_type" TEXT,
    "actor_org_code" TEXT,
    "actor_roles" TEXT[],
    "action" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT,
    "citizen_pseudonym" TEXT,
    "purpose" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "request_id" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_ledger_pkey" PRIMARY KEY ("seq")
);

CREATE UNIQUE INDEX "audit_ledger_event_id_key" ON "audit_ledger"("event_id");
CREATE INDEX "audit_ledger_citizen_pseudonym_seq_idx" ON "audit_ledger"("citizen_pseudonym", "seq");
CREATE INDEX "audit_ledger_actor_subject_seq_idx" ON "audit_ledger"("actor_subject", "seq");
CREATE INDEX "audit_ledger_actor_org_code_seq_idx" ON "audit_ledger"("actor_org_code", "seq");
CREATE INDEX "audit_ledger_action_seq_idx" ON "audit_ledger"("action", "seq");
CREATE INDEX "audit_ledger_occurred_at_idx" ON "audit_ledger"("occurred_at");

-- Append-only, in two layers.
--
-- 1. The role. `audit_ledger_writer` may read and append to the ledger and nothing else; in production the
--    service's login role is a member of it (GRANT audit_ledger_writer TO audit_app) and owns no table, so it
--    can neither change a row nor switch the trigger below off. The platform tables (outbox, inbox,
--    idempotency) it uses as every service does. Roles are cluster-wide, so the role is created only once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_ledger_writer') THEN
    CREATE ROLE audit_ledger_writer NOLOGIN;
  END IF;
END $$;
REVOKE ALL ON "audit_ledger" FROM PUBLIC;
REVOKE ALL ON "audit_ledger" FROM audit_ledger_writer;
GRANT SELECT, INSERT ON "audit_ledger" TO audit_ledger_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON "outbox", "inbox", "idempotent_request" TO audit_ledger_writer;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO audit_ledger_writer;

-- 2. The trigger, for every role (the outbox's audit rows are protected the same way,
--    libs/persistence/platform/migrations/20261127090000_outbox_audit_protection): UPDATE, DELETE and TRUNCATE
--    are refused with SQLSTATE 42501. Only a superuser or the table's owner can get past it (by disabling the
--    trigger), and what they change then is what verify finds: the chain no longer adds up.
CREATE OR REPLACE FUNCTION audit_ledger_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit ledger is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_ledger_append_only
  BEFORE UPDATE OR DELETE ON "audit_ledger"
  FOR EACH ROW EXECUTE FUNCTION audit_ledger_append_only();

CREATE TRIGGER audit_ledger_no_truncate
  BEFORE TRUNCATE ON "audit_ledger"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_ledger_append_only();
