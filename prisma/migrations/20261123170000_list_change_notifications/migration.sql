-- Change notifications for the page cache of jobs-api (apps/jobs-api/src/services/page-cache.ts).
-- After a statement writes jobs, companies or matches, PostgreSQL notifies the listeners when
-- (and only if) the transaction commits. The triggers sit on the tables, so every writer — any
-- service, Prisma or raw SQL — is covered without remembering to invalidate anything.
-- Statement-level and without payload: one notification per statement, folded with identical
-- ones of the same transaction. Matches are written thousands of rows a second by the
-- pipeline, so their trigger does no per-row work; jobs-api then re-checks the versions of a
-- cached matches page's own rows before serving it again.
-- The channel names are also in packages/db/src/change-feed.ts (LIST_CHANGE_CHANNELS).

-- The channel is the trigger's argument.
CREATE FUNCTION "jobping_notify_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "jobs_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "jobs"
  FOR EACH STATEMENT EXECUTE FUNCTION "jobping_notify_changed"('jobping_jobs_changed');
CREATE TRIGGER "companies_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "companies"
  FOR EACH STATEMENT EXECUTE FUNCTION "jobping_notify_changed"('jobping_jobs_changed');
CREATE TRIGGER "user_job_matches_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user_job_matches"
  FOR EACH STATEMENT EXECUTE FUNCTION "jobping_notify_changed"('jobping_matches_changed');
