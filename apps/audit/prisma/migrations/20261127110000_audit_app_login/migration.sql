-- The audit service's login role (docs/audit.md, append-only): `audit_app`, a member of `audit_ledger_writer`,
-- owner of no table, so the running service may read and append to the ledger and nothing else (no UPDATE,
-- DELETE or TRUNCATE, and it cannot switch the append-only triggers off). Migrations keep running as the owner.
--
-- Created without a password: the local stack trusts 127.0.0.1 (the demo connects as audit_app with
-- AUDIT_DATABASE_URL, infra/env/demo.env); in production the operator gives it its credential from the secret
-- store (ALTER ROLE audit_app PASSWORD …, or a client certificate), which a migration must not hold. Roles are
-- cluster-wide, so the role is created only once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_app') THEN
    CREATE ROLE audit_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT;
  END IF;
END $$;
GRANT audit_ledger_writer TO audit_app;
