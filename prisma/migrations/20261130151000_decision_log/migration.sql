-- AlterTable
ALTER TABLE "user_job_matches" ADD COLUMN     "notify_skip" TEXT,
ADD COLUMN     "prefilter_code" TEXT;

-- CreateTable
CREATE TABLE "match_decisions" (
    "user_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "job_value" TEXT,
    "user_value" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "match_decisions_pkey" PRIMARY KEY ("user_id","job_id")
);

-- CreateIndex
CREATE INDEX "match_decisions_decided_at_idx" ON "match_decisions" USING BRIN ("decided_at");

-- CreateIndex
CREATE INDEX "user_job_matches_created_at_idx" ON "user_job_matches" USING BRIN ("created_at");
