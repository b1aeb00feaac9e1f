-- AlterTable
ALTER TABLE "job_sources" ADD COLUMN     "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "consecutive_not_found" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "last_jobs_seen" INTEGER,
ADD COLUMN     "pause_reason" TEXT,
ADD COLUMN     "paused_at" TIMESTAMPTZ(3);
