import { z } from 'zod';

/** Hosts Discord serves webhooks from (stable, PTB and Canary clients copy URLs with these). */
export const DISCORD_WEBHOOK_HOSTS: readonly string[] = [
  'discord.com',
  'ptb.discord.com',
  'canary.discord.com',
  'discordapp.com',
  'ptb.discordapp.com',
  'canary.discordapp.com',
];

/** Real webhook URLs are ~120 characters; anything much longer is not one. */
export const WEBHOOK_URL_MAX_LENGTH = 256;

/** `/api/webhooks/{snowflake id}/{token}`, optionally with an API version (`/api/v10/…`). */
const WEBHOOK_PATH = /^\/api(?:\/v\d{1,2})?\/webhooks\/(\d{17,20})\/([A-Za-z0-9_-]{60,100})$/;

/** Characters a webhook URL never contains, but that URL parsers treat differently. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const SUSPICIOUS = /[\s\\@\u0000-\u001f\u007f]/;

export type WebhookUrlCheck =
  | { ok: true; /** Normalised URL to store and call. */ url: string; webhookId: string }
  | { ok: false; reason: string };

export interface WebhookUrlPolicy {
  /**
   * Extra `host:port` entries allowed besides Discord (tests, a local stand-in). Only these
   * may use plain http. Lower-case, as parsed by `allowedHostsSchema`.
   */
  extraAllowedHosts?: readonly string[];
}

/**
 * Decides whether `input` is a Discord webhook URL we may call (OWASP SSRF: allow-list known
 * targets). Only https on Discord's hosts with the default port, only the webhook path, no
 * credentials, query or fragment; extra hosts only when explicitly allowed.
 */
export function checkWebhookUrl(input: string, policy: WebhookUrlPolicy = {}): WebhookUrlCheck {
  if (input.length > WEBHOOK_URL_MAX_LENGTH) return { ok: false, reason: `longer than ${WEBHOOK_URL_MAX_LENGTH} characters` };
  if (SUSPICIOUS.test(input)) return { ok: false, reason: 'contains characters a webhook URL never has' };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'must not contain credentials' };
  if (url.search || url.hash || input.includes('?') || input.includes('#')) return { ok: false, reason: 'must not have a query or fragment' };

  const host = url.host.toLowerCase();
  const extra = (policy.extraAllowedHosts ?? []).includes(host);
  if (extra) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must use http or https' };
  } else {
    if (!DISCORD_WEBHOOK_HOSTS.includes(url.hostname.toLowerCase()) || url.port !== '') {
      return { ok: false, reason: 'host must be discord.com or discordapp.com' };
    }
    if (url.protocol !== 'https:') return { ok: false, reason: 'must use https' };
  }

  const match = WEBHOOK_PATH.exec(url.pathname);
  if (!match) return { ok: false, reason: 'path must be /api/webhooks/{id}/{token}' };
  return { ok: true, url: `${url.protocol}//${host}${url.pathname}`, webhookId: match[1] as string };
}

/** A webhook URL for logs and API answers: the token, which is the secret part, is masked. */
export function redactWebhookUrl(url: string): string {
  return url.replace(/(\/webhooks\/\d+\/)([A-Za-z0-9_-]+)/, (_all, prefix: string, token: string) => `${prefix}${'*'.repeat(8)}${token.slice(-4)}`);
}

const HOST_PORT = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\]):\d{1,5}$/;

/**
 * `JOBPING_WEBHOOK_ALLOWED_HOSTS`: a comma-separated list of `host:port` (e.g.
 * `127.0.0.1:4010`), empty by default. For tests and local stand-ins only.
 */
export const allowedHostsSchema = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
  )
  .refine((hosts) => hosts.every((host) => HOST_PORT.test(host)), { error: 'expected host:port entries separated by commas' })
  .describe('extra webhook hosts besides Discord\'s, as host:port, comma-separated; http is allowed for them (tests and local stand-ins only; empty by default)');
