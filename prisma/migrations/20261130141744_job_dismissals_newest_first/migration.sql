-- CreateIndex
CREATE INDEX "job_dismissals_user_id_created_at_idx" ON "job_dismissals"("user_id", "created_at" DESC);
