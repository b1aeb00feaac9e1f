import { DISCORD_LIMITS } from './limits';
import { plainText } from './plain-text';

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

/**
 * What callers describe; `buildMessage` clamps it to Discord's limits. Every text is plain
 * text: the parts Discord renders as markdown (title, description, field names and values,
 * message content) are escaped by `plainText`, so nothing in them becomes a link, a mention or
 * formatting. The only link is `url`.
 */
export interface EmbedInput {
  title?: string;
  description?: string;
  /** Link of the title; only http(s) URLs are kept. */
  url?: string;
  /** 0xRRGGBB */
  color?: number;
  timestamp?: Date | string;
  fields?: EmbedField[];
  footer?: string;
  author?: string;
}

export interface MessageInput {
  content?: string;
  username?: string;
  embeds?: EmbedInput[];
}

/** The JSON body posted to the webhook. */
export interface WebhookPayload {
  content?: string;
  username?: string;
  embeds?: {
    title?: string;
    description?: string;
    url?: string;
    color?: number;
    timestamp?: string;
    fields?: EmbedField[];
    footer?: { text: string };
    author?: { name: string };
  }[];
  /** Always `{ parse: [] }`: text from job postings can never ping @everyone, roles or users. */
  allowed_mentions: { parse: [] };
}

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` UTF-16 units (Discord's count), ending in "…", never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let end = max - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // high surrogate: keep the pair together
  return `${text.slice(0, Math.max(0, end)).trimEnd()}${ELLIPSIS}`;
}

/** Discord refuses empty field names and values; a zero-width space stands in. */
const nonEmpty = (text: string) => (text.trim() === '' ? '\u200b' : text);

function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && url.length <= 2048 ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

type Embed = NonNullable<WebhookPayload['embeds']>[number];

function embedSize(embed: Embed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) size += field.name.length + field.value.length;
  return size;
}

function clampEmbed(input: EmbedInput): Embed {
  const embed: Embed = {};
  if (input.title) embed.title = truncate(plainText(input.title), DISCORD_LIMITS.title);
  if (input.description) embed.description = truncate(plainText(input.description), DISCORD_LIMITS.description);
  const url = safeUrl(input.url);
  if (url) embed.url = url;
  if (input.color !== undefined && Number.isInteger(input.color) && input.color >= 0 && input.color <= 0xffffff) embed.color = input.color;
  if (input.timestamp) {
    const date = new Date(input.timestamp);
    if (!Number.isNaN(date.getTime())) embed.timestamp = date.toISOString();
  }
  if (input.fields && input.fields.length > 0) {
    embed.fields = input.fields.slice(0, DISCORD_LIMITS.fields).map((field) => ({
      name: nonEmpty(truncate(plainText(field.name), DISCORD_LIMITS.fieldName)),
      value: nonEmpty(truncate(plainText(field.value), DISCORD_LIMITS.fieldValue)),
      ...(field.inline === undefined ? {} : { inline: field.inline }),
    }));
  }
  // Footers and author names are not rendered as markdown: left as they are.
  if (input.footer) embed.footer = { text: truncate(input.footer, DISCORD_LIMITS.footerText) };
  if (input.author) embed.author = { name: truncate(input.author, DISCORD_LIMITS.authorName) };
  return embed;
}

/** Shrinks the embeds until all of them together fit the 6000-character budget. */
function fitTotal(embeds: Embed[]): void {
  let over = embeds.reduce((sum, embed) => sum + embedSize(embed), 0) - DISCORD_LIMITS.totalEmbedCharacters;
  // Last embeds first: the first one is the most important.
  for (let i = embeds.length - 1; i >= 0 && over > 0; i -= 1) {
    const embed = embeds[i] as Embed;
    const before = embedSize(embed);
    if (embed.description) {
      embed.description = truncate(embed.description, Math.max(0, embed.description.length - over));
      if (!embed.description) delete embed.description;
    }
    while (embed.fields && embed.fields.length > 0 && before - embedSize(embed) < over) embed.fields.pop();
    if (embed.fields?.length === 0) delete embed.fields;
    if (embed.footer && before - embedSize(embed) < over) delete embed.footer;
    if (embed.author && before - embedSize(embed) < over) delete embed.author;
    if (embed.title && before - embedSize(embed) < over) {
      embed.title = truncate(embed.title, Math.max(1, embed.title.length - (over - (before - embedSize(embed)))));
    }
    over -= before - embedSize(embed);
  }
}

/** The webhook body for `input`: plain text (see EmbedInput), within every Discord limit, mentions disabled. */
export function buildMessage(input: MessageInput): WebhookPayload {
  const payload: WebhookPayload = { allowed_mentions: { parse: [] } };
  if (input.content) payload.content = truncate(plainText(input.content), DISCORD_LIMITS.content);
  if (input.username) payload.username = truncate(input.username, DISCORD_LIMITS.username);
  if (input.embeds && input.embeds.length > 0) {
    const embeds = input.embeds.slice(0, DISCORD_LIMITS.embedsPerMessage).map(clampEmbed);
    fitTotal(embeds);
    payload.embeds = embeds;
  }
  if (!payload.content && !payload.embeds) payload.content = '\u200b';
  return payload;
}

/** Characters counted against the 6000 limit, for tests and diagnostics. */
export function totalEmbedCharacters(payload: WebhookPayload): number {
  return (payload.embeds ?? []).reduce((sum, embed) => sum + embedSize(embed), 0);
}
