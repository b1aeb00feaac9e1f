/**
 * Discord's documented message and embed limits (discord-api-docs, "Embed Limits").
 * Going over any of them makes Discord answer 400, so we clamp before sending.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  username: 80,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** All titles, descriptions, field names and values, footers and author names of one message. */
  totalEmbedCharacters: 6000,
} as const;

/** Discord error codes that mean the webhook is gone for good. */
export const DISCORD_ERROR_CODES = {
  unknownWebhook: 10015,
  invalidWebhookToken: 50027,
} as const;
