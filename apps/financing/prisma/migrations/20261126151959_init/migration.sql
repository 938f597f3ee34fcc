-- The financing service's first table (the platform tables come from libs/persistence/platform/migrations).
CREATE TABLE "service_info" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_info_pkey" PRIMARY KEY ("key")
);
