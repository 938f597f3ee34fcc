-- CreateTable
CREATE TABLE "guideline" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "target_group" TEXT NOT NULL,
    "author_org_type" TEXT NOT NULL,
    "author_org_code" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guideline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guideline_version" (
    "id" UUID NOT NULL,
    "guideline_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "change_note" TEXT,
    "status" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "approved_by" TEXT,
    "retired_at" TIMESTAMPTZ(3),
    "retire_cause" TEXT,
    "retire_reason" TEXT,
    -- Full-text search with the Danish configuration (stemming: "børnene" finds "børn"); kept by PostgreSQL.
    -- Prisma cannot generate this column: the schema declares it Unsupported("tsvector").
    "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('danish'::regconfig, "title"), 'A') ||
        setweight(to_tsvector('danish'::regconfig, "body"), 'B')
    ) STORED,

    CONSTRAINT "guideline_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "guideline_target_group_kind_idx" ON "guideline"("target_group", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "guideline_version_guideline_id_number_key" ON "guideline_version"("guideline_id", "number");

-- CreateIndex
CREATE INDEX "guideline_version_status_idx" ON "guideline_version"("status");

-- CreateIndex
CREATE INDEX "guideline_version_search_vector_idx" ON "guideline_version" USING GIN ("search_vector");

-- AddForeignKey
ALTER TABLE "guideline_version" ADD CONSTRAINT "guideline_version_guideline_id_fkey" FOREIGN KEY ("guideline_id") REFERENCES "guideline"("id") ON DELETE CASCADE ON UPDATE CASCADE;
