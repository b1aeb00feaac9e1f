-- AlterTable
ALTER TABLE "job_sources" ADD COLUMN     "company_name" TEXT;

-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "department" TEXT,
ADD COLUMN     "locations" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "remote_region" TEXT,
ADD COLUMN     "team" TEXT,
ADD COLUMN     "work_arrangement" TEXT NOT NULL DEFAULT 'unknown';

-- Jobs stored before this migration: their one location is their list, and the remote flag
-- (all they had) says remote; the rest stay unknown until a board lists them again.
UPDATE "jobs" SET "locations" = ARRAY["location"] WHERE "location" IS NOT NULL;
UPDATE "jobs" SET "work_arrangement" = 'remote' WHERE "remote";
