import { databaseEnvSchema, fields } from '@jobping/config';
import { channelEnvFields } from '@jobping/channels';
import { allowedHostsSchema } from '@jobping/discord';

/** notifier's own environment fields; runStreamWorker adds the worker's. */
export const notifierEnv = {
  ...databaseEnvSchema.shape,
  // E-mail (SMTP), Telegram, Slack and generic webhook channels, and their delivery rules.
  ...channelEnvFields,
  JOBPING_WEBHOOK_ALLOWED_HOSTS: allowedHostsSchema,
  DISCORD_TIMEOUT_MS: fields.positiveInt(10_000, 'timeout of one Discord webhook request, in ms'),
  DISCORD_MAX_RATE_LIMIT_WAIT_MS: fields.positiveInt(
    10_000,
    'longest Discord 429 retry_after waited out inside one delivery; longer waits retry the message later, in ms',
  ),
  NOTIFIER_SEND_LEASE_MS: fields.positiveInt(
    55_000,
    'a Discord or channel delivery claimed this long ago and never finished is treated as interrupted by a crash and not re-posted, in ms; keep it above the longest send and below STREAM_VISIBILITY_TIMEOUT_MS',
  ),
  NOTIFIER_DIGEST_TICK_MS: fields.positiveInt(
    60_000,
    'how often each notifier looks for due digests and for matches held during quiet hours whose window ended, in ms',
  ),
  NOTIFIER_DIGEST_LEASE_MS: fields.positiveInt(
    300_000,
    'a digest claimed this long ago and never finished (the notifier was killed mid-digest) is taken over and sent by the next tick, in ms; keep it above the longest send',
  ),
  DIGEST_MAX_PER_COMPANY: fields.positiveInt(3, 'matches per company listed in a daily or weekly digest; the rest shows as "+N more"'),
};

/** The port of its ops endpoints unless the environment says otherwise (runStreamWorker; docs/configuration.md shows them). */
export const notifierWorker = {
  defaultOpsPort: 3014,
} as const;
