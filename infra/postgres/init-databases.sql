-- The platform's databases: one per service (ARCHITECTURE.md, "Data").
-- docker-compose mounts this file into /docker-entrypoint-initdb.d (run once, on a fresh volume);
-- tools/stack reads the names from here and creates the ones that are missing.
CREATE DATABASE referrals;
CREATE DATABASE specialty_planning;
CREATE DATABASE knowledge;
CREATE DATABASE financing;
CREATE DATABASE audit;
