-- Occupancy over time: one row per offer and Danish day on which its occupancy or places changed (the last
-- change of the day wins), so a chart can show belægning per day without replaying the referral events.
-- CreateTable
CREATE TABLE "offer_occupancy_day" (
    "offer_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "occupied" INTEGER NOT NULL,
    "places" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offer_occupancy_day_pkey" PRIMARY KEY ("offer_id","day")
);

-- The history starts with today's occupancy of every offer: what came before was never recorded.
INSERT INTO "offer_occupancy_day" ("offer_id", "day", "occupied", "places", "updated_at")
SELECT o."id", (now() AT TIME ZONE 'Europe/Copenhagen')::date,
       (SELECT count(*) FROM "referral_activity" a
        WHERE a."offer_id" = o."id" AND a."status" IN ('ACCEPTED', 'PLACEMENT_ACTIVE'))::int,
       o."places", now()
FROM "offer" o;
