-- Full-text search over jobs for GET /api/jobs (jobs-api).
-- search_vector is a stored generated column: PostgreSQL keeps it current on every insert and
-- update of title, company or description, and fills it for the rows already stored.
-- Weights: title A, company B, description C. The two-argument to_tsvector is immutable.
-- The schema declares it as Unsupported("tsvector")? because Prisma cannot express the expression.

-- AlterTable
ALTER TABLE "jobs" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english'::regconfig, coalesce("company", '')), 'B') ||
  setweight(to_tsvector('english'::regconfig, coalesce("description", '')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "jobs_created_at_id_idx" ON "jobs"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "jobs_search_vector_idx" ON "jobs" USING GIN ("search_vector");
