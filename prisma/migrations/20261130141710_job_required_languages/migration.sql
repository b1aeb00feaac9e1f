-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "required_languages" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Jobs stored before keep their job_facts_version below 2 (JOB_TEXT_FACTS_VERSION): the migration
-- run reads their title and description again right after (refreshDerivedColumns in @jobping/db)
-- and fills this column; until then a job requires no language, as before.
