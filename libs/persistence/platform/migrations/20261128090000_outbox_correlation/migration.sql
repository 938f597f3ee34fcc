-- Issue 13, correlation: every event carries the CloudEvents extension `correlationid` (header
-- `ce_correlationid`, docs/events.md), the id of the citizen's case it belongs to. The outbox keeps it in a
-- column too, so an operator finds a case's events that have not left yet (a broker outage, a parked row)
-- without reading JSON: `SELECT … FROM outbox WHERE correlation_id = '<id>'`. No index: that is a rare
-- operator query, and every write of every service would pay for one.
-- Nullable: rows written before this migration have no correlation id; they are not backfilled (the outbox
-- is a queue, and rewriting every sent row of a busy service would be a long lock for nothing).
ALTER TABLE "outbox" ADD COLUMN "correlation_id" TEXT;

-- The correlation id of an audit event is part of its content: frozen like the rest (see
-- 20261127090000_outbox_audit_protection; only the delivery state stays writable).
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
     AND (NEW.id, NEW.seq, NEW.topic, NEW.message_key, NEW.event_type, NEW.headers, NEW.payload, NEW.created_at,
          NEW.correlation_id)
         IS DISTINCT FROM
         (OLD.id, OLD.seq, OLD.topic, OLD.message_key, OLD.event_type, OLD.headers, OLD.payload, OLD.created_at,
          OLD.correlation_id)
  THEN
    RAISE EXCEPTION 'audit events in the outbox cannot be changed (only their delivery state)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
