-- AlterTable
ALTER TABLE "users" ADD COLUMN     "snoozed_until" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "user_mutes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_mutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_dismissals" (
    "user_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "text" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_dismissals_pkey" PRIMARY KEY ("user_id","job_id")
);

-- CreateIndex
CREATE INDEX "user_mutes_kind_key_idx" ON "user_mutes"("kind", "key");

-- CreateIndex
CREATE UNIQUE INDEX "user_mutes_user_id_kind_key_key" ON "user_mutes"("user_id", "kind", "key");

-- CreateIndex
CREATE INDEX "job_dismissals_job_id_idx" ON "job_dismissals"("job_id");

-- AddForeignKey
ALTER TABLE "user_mutes" ADD CONSTRAINT "user_mutes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_dismissals" ADD CONSTRAINT "job_dismissals_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_dismissals" ADD CONSTRAINT "job_dismissals_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
