-- The account's Discord webhook (users.discord_webhook) becomes a Discord notification channel
-- (docs/notifications.md, "The account's Discord webhook"). Its broken state comes along: a
-- webhook Discord answered 401/404 for is a channel turned off with the reason. The row takes
-- the user's created_at so it stays the user's first Discord channel, which auth-api's
-- PUT /api/users/me/discord now writes. A user who already has a Discord channel with the same
-- URL gets no second one.
--
-- users.discord_webhook* and notifications.discord_* stay in this release, unread and unwritten
-- (the notifier writes discord_status 'skipped'), because the release before this one reads them
-- while a rolling deploy runs both; the release after drops them.
INSERT INTO "notification_channels"
  ("user_id", "kind", "label", "settings", "enabled", "disabled_reason", "disabled_at",
   "consecutive_failures", "last_error", "created_at", "updated_at")
SELECT u."id", 'discord', 'Discord', jsonb_build_object('webhook_url', u."discord_webhook"),
       u."discord_webhook_broken_at" IS NULL,
       CASE WHEN u."discord_webhook_broken_at" IS NOT NULL
            THEN left('Discord no longer accepts this webhook: ' || COALESCE(u."discord_webhook_error", 'it was deleted'), 500) END,
       u."discord_webhook_broken_at",
       CASE WHEN u."discord_webhook_broken_at" IS NOT NULL THEN 1 ELSE 0 END,
       u."discord_webhook_error",
       u."created_at", now()
FROM "users" u
WHERE u."discord_webhook" IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "notification_channels" c
    WHERE c."user_id" = u."id" AND c."kind" = 'discord' AND c."settings"->>'webhook_url' = u."discord_webhook");
