-- The outbox and the idempotency keys are queues: every row is inserted, then updated once (sent, completed)
-- and later expires, so dead row versions pile up quickly. With the default thresholds (20 % of the table)
-- autovacuum waits for hundreds of thousands of them on a busy service, and every relay poll walks them
-- (measured in tools/bench/request-path.ts: 17 ms per claim with 62 000 dead index entries, about 1 ms after).
-- Vacuum and analyse both after every 1 000 changed rows, without a cost delay.
ALTER TABLE "outbox" SET (
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_insert_scale_factor = 0.0,
    autovacuum_vacuum_insert_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.0,
    autovacuum_analyze_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0
);

ALTER TABLE "idempotent_request" SET (
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.0,
    autovacuum_analyze_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0
);
