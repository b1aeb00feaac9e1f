import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Headers of a signed webhook request; receivers verify with `verifyWebhookSignature`. */
export const WEBHOOK_HEADERS = {
  timestamp: 'X-JobPing-Timestamp',
  signature: 'X-JobPing-Signature',
  delivery: 'X-JobPing-Delivery',
} as const;

/** A new per-channel signing secret (shown to the user once, at creation). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">` with the channel's secret; timestamp in Unix seconds. */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const equal = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * What a receiver does: recompute the signature over the raw body and refuse timestamps more
 * than `toleranceSeconds` from its clock (replays).
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  { nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300 } = {},
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  return equal(headers.signature, signWebhookBody(secret, timestamp, body));
}

const UNSUBSCRIBE_PURPOSE = 'jobping.channel.unsubscribe.v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The token of a one-click unsubscribe link (RFC 8058): the channel id and an HMAC of it, so
 * the link turns off that channel and nothing else, without a login. It does not expire (mail
 * clients keep the header for as long as the mail); rotating the secret voids every link.
 */
export function signUnsubscribeToken(secret: string, channelId: string): string {
  const mac = createHmac('sha256', secret).update(`${UNSUBSCRIBE_PURPOSE}:${channelId}`).digest('base64url');
  return `${channelId}.${mac}`;
}

/** The channel id a valid token names, else undefined. */
export function verifyUnsubscribeToken(secret: string, token: string): string | undefined {
  const [channelId, mac, extra] = token.split('.');
  if (!channelId || !mac || extra !== undefined || !UUID.test(channelId)) return undefined;
  return equal(token, signUnsubscribeToken(secret, channelId)) ? channelId : undefined;
}

/** The unsubscribe URL under the address users open (jobs-api's POST /api/unsubscribe/:token). */
export function unsubscribeUrl(publicUrl: string, secret: string, channelId: string): string {
  return new URL(`/api/unsubscribe/${signUnsubscribeToken(secret, channelId)}`, publicUrl).toString();
}
