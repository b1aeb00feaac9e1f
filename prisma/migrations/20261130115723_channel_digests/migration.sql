-- CreateEnum
CREATE TYPE "channel_digest_status" AS ENUM ('pending', 'sent', 'empty', 'skipped', 'failed');

-- AlterTable
ALTER TABLE "channel_deliveries" ADD COLUMN     "digest_id" UUID;

-- AlterTable
ALTER TABLE "notification_channels" ADD COLUMN     "digest_hour" SMALLINT NOT NULL DEFAULT 8,
ADD COLUMN     "digest_weekday" SMALLINT NOT NULL DEFAULT 1,
ADD COLUMN     "quiet_end_minute" SMALLINT,
ADD COLUMN     "quiet_start_minute" SMALLINT;

-- CreateTable
CREATE TABLE "channel_digests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel_id" UUID NOT NULL,
    "window_key" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "channel_digest_status" NOT NULL DEFAULT 'pending',
    "claimed_at" TIMESTAMPTZ(3),
    "claimed_by" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "match_count" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "external_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_digests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "channel_digests_status_claimed_at_idx" ON "channel_digests"("status", "claimed_at");

-- CreateIndex
CREATE UNIQUE INDEX "channel_digests_channel_id_window_key_key" ON "channel_digests"("channel_id", "window_key");

-- CreateIndex
CREATE INDEX "channel_deliveries_channel_id_status_created_at_idx" ON "channel_deliveries"("channel_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "channel_deliveries_digest_id_idx" ON "channel_deliveries"("digest_id");

-- AddForeignKey
ALTER TABLE "channel_deliveries" ADD CONSTRAINT "channel_deliveries_digest_id_fkey" FOREIGN KEY ("digest_id") REFERENCES "channel_digests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_digests" ADD CONSTRAINT "channel_digests_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

