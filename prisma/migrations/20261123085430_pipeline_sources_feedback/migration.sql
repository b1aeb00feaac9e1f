-- CreateEnum
CREATE TYPE "match_feedback" AS ENUM ('up', 'down');

-- CreateEnum
CREATE TYPE "discord_delivery" AS ENUM ('pending', 'sent', 'skipped', 'failed', 'broken');

-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "discord_error" TEXT,
ADD COLUMN     "discord_message_id" TEXT,
ADD COLUMN     "discord_sent_at" TIMESTAMPTZ(3),
ADD COLUMN     "discord_status" "discord_delivery" NOT NULL DEFAULT 'pending';

-- AlterTable
ALTER TABLE "scrape_runs" ADD COLUMN     "sources_done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sources_total" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "user_job_matches" ADD COLUMN     "feedback" "match_feedback",
ADD COLUMN     "feedback_at" TIMESTAMPTZ(3),
ADD COLUMN     "prefilter_reason" TEXT,
ADD COLUMN     "prefilter_skipped" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "job_sources" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "type" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "search_terms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "location" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "backfilled_at" TIMESTAMPTZ(3),
    "last_run_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_sources_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_sources_enabled_idx" ON "job_sources"("enabled");

-- CreateIndex
CREATE UNIQUE INDEX "job_sources_type_identifier_key" ON "job_sources"("type", "identifier");
