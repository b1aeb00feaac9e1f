export { DiscordWebhookClient, type DiscordClientOptions, type SendResult } from './client';
export { buildMessage, totalEmbedCharacters, truncate, type EmbedField, type EmbedInput, type MessageInput, type WebhookPayload } from './embed';
export {
  BrokenWebhookError,
  DiscordRateLimitError,
  DiscordRequestError,
  DiscordUnavailableError,
  DiscordWebhookError,
  InvalidWebhookUrlError,
} from './errors';
export { DISCORD_ERROR_CODES, DISCORD_LIMITS } from './limits';
export { plainText } from './plain-text';
export {
  DISCORD_WEBHOOK_HOSTS,
  WEBHOOK_URL_MAX_LENGTH,
  allowedHostsSchema,
  checkWebhookUrl,
  redactWebhookUrl,
  type WebhookUrlCheck,
  type WebhookUrlPolicy,
} from './webhook-url';
