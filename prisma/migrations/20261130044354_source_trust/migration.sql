-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "source_trust" SMALLINT NOT NULL DEFAULT 0;

-- Existing jobs get the trust of the board their row came from, as ranked when this migration
-- was written (sourceTrust in @jobping/contracts); new rows are written with it by the scraper.
UPDATE "jobs" SET "source_trust" = CASE "source"
    WHEN 'greenhouse' THEN 3 WHEN 'lever' THEN 3 WHEN 'ashby' THEN 3
    WHEN 'remotive' THEN 2 WHEN 'remoteok' THEN 2 WHEN 'arbeitnow' THEN 2
    WHEN 'linkedin' THEN 1
    ELSE 0 END;
