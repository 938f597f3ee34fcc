-- Audit events in the outbox are append-only for the application (issue 7, finding 10).
--
-- The audit trail (topic audit.events.v1) is written in the transaction of the change it records and then
-- published by the relay. Until the audit service holds it, the outbox row is the only copy, so the
-- application must not be able to change or remove it: a compromised or buggy service could otherwise erase
-- the trace of what it read or did.
--
-- Design: a row trigger, not a role check. The relay runs on the application's own connection and marks rows
-- sent, so UPDATE as such cannot be revoked; what is frozen is the content of an audit row (id, seq, topic,
-- key, type, headers, payload, created_at). Delivery bookkeeping (sent_at, and any column the relay adds
-- later, such as a parked error) stays writable, so the relay works unchanged. DELETE and TRUNCATE of audit
-- rows are refused. The trigger holds for every role, superusers included; nothing in a session can switch it
-- off except `session_replication_role = replica` (superuser only) or `ALTER TABLE outbox DISABLE TRIGGER`
-- (the table owner only). In production the service connects as its own role, neither owner nor superuser
-- (the kit's production guardrails refuse the superuser `postgres`), so it cannot; a deliberate purge of old,
-- sent audit rows is an owner's migration that disables the trigger inside its own transaction.
-- The refusal is SQLSTATE 42501 (insufficient_privilege), and names no value of the row.

CREATE OR REPLACE FUNCTION outbox_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.topic = 'audit.events.v1' THEN
      RAISE EXCEPTION 'audit events in the outbox cannot be deleted' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.topic = 'audit.events.v1'
     AND (NEW.id, NEW.seq, NEW.topic, NEW.message_key, NEW.event_type, NEW.headers, NEW.payload, NEW.created_at)
         IS DISTINCT FROM
         (OLD.id, OLD.seq, OLD.topic, OLD.message_key, OLD.event_type, OLD.headers, OLD.payload, OLD.created_at)
  THEN
    RAISE EXCEPTION 'audit events in the outbox cannot be changed (only their delivery state)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER outbox_audit_append_only
  BEFORE UPDATE OR DELETE ON outbox
  FOR EACH ROW EXECUTE FUNCTION outbox_audit_append_only();

-- TRUNCATE fires no row triggers: refuse it while the outbox holds an audit event.
CREATE OR REPLACE FUNCTION outbox_audit_no_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM outbox WHERE topic = 'audit.events.v1') THEN
    RAISE EXCEPTION 'the outbox holds audit events and cannot be truncated'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER outbox_audit_no_truncate
  BEFORE TRUNCATE ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_audit_no_truncate();
