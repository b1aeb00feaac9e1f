-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "job_facts_version" SMALLINT NOT NULL DEFAULT 0,
ADD COLUMN     "seniority" TEXT,
ADD COLUMN     "seniority_years" SMALLINT,
ADD COLUMN     "visa_sponsorship" TEXT NOT NULL DEFAULT 'unknown';

-- Jobs stored before this migration keep job_facts_version 0: the migration run reads their
-- title and description right after (refreshDerivedColumns in @jobping/db) and fills the rest.
