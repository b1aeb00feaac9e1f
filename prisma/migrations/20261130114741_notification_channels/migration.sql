-- CreateEnum
CREATE TYPE "channel_kind" AS ENUM ('discord', 'email', 'telegram', 'slack', 'webhook');

-- CreateEnum
CREATE TYPE "channel_mode" AS ENUM ('instant', 'daily', 'weekly');

-- CreateEnum
CREATE TYPE "channel_delivery_status" AS ENUM ('pending', 'held', 'sent', 'skipped', 'failed');

-- CreateTable
CREATE TABLE "notification_channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" "channel_kind" NOT NULL,
    "label" TEXT,
    "settings" JSONB NOT NULL,
    "threshold_override" SMALLINT,
    "mode" "channel_mode" NOT NULL DEFAULT 'instant',
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" TEXT,
    "disabled_at" TIMESTAMPTZ(3),
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel_id" UUID NOT NULL,
    "match_id" UUID NOT NULL,
    "status" "channel_delivery_status" NOT NULL DEFAULT 'pending',
    "claimed_at" TIMESTAMPTZ(3),
    "claimed_by" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "external_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_channels_user_id_created_at_idx" ON "notification_channels"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "channel_deliveries_match_id_idx" ON "channel_deliveries"("match_id");

-- CreateIndex
CREATE UNIQUE INDEX "channel_deliveries_channel_id_match_id_key" ON "channel_deliveries"("channel_id", "match_id");

-- AddForeignKey
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_deliveries" ADD CONSTRAINT "channel_deliveries_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_deliveries" ADD CONSTRAINT "channel_deliveries_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "user_job_matches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
