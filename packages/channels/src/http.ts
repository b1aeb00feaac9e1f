import { isIP } from 'node:net';
import { parseRetryAfter } from '@jobping/backoff';
import { ChannelSendError, refusedTarget } from './errors';

export interface HttpAnswer {
  status: number;
  text: string;
  headers: Headers;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      break;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** POSTs a body; never follows redirects. No answer or a timeout is a retryable failure. */
export async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number, who: string): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'User-Agent': 'JobPing-Notifier/0.1', ...headers }, body, redirect: 'manual', signal });
    return { status: response.status, text: await readBounded(response), headers: response.headers };
  } catch (error) {
    const message = signal.aborted ? `${who} did not answer within ${timeoutMs} ms` : `could not reach ${who}`;
    throw new ChannelSendError(message, { failure: 'retryable', cause: error });
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The shared rule for an HTTP answer that is not a success: 429 waits (`retryAfterMs`, else
 * the Retry-After header, else 1 s), 408 and 5xx retry, anything else (3xx not followed, 4xx) is permanent.
 */
export function httpFailure(who: string, answer: HttpAnswer, detail = '', retryAfterMs?: number): ChannelSendError {
  const { status } = answer;
  const suffix = detail ? `: ${detail.slice(0, 200)}` : '';
  if (status === 429) {
    const wait = retryAfterMs ?? parseRetryAfter(answer.headers.get('retry-after')) ?? 1_000;
    return new ChannelSendError(`${who} rate limited the channel; retry after ${wait} ms`, { failure: 'rate_limited', status, retryAfterMs: wait });
  }
  if (status === 408 || status >= 500) return new ChannelSendError(`${who} answered ${status}${suffix}`, { failure: 'retryable', status });
  if (status >= 300 && status < 400) return new ChannelSendError(`${who} answered a redirect (${status}), which is not followed`, { failure: 'permanent', status });
  return new ChannelSendError(`${who} refused the message (${status})${suffix}`, { failure: 'permanent', status });
}

export interface OutboundPolicy {
  /** `host:port` entries allowed over http and on private addresses (tests, local stand-ins). */
  allowedHosts: readonly string[];
}

const PRIVATE_V4 = [/^10\./, /^127\./, /^169\.254\./, /^172\.(1[6-9]|2\d|3[01])\./, /^192\.168\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

/**
 * Whether a user-given URL may be called (OWASP SSRF): https on the default port, no
 * credentials, and not a loopback, private or link-local literal address or `localhost`,
 * unless its `host:port` is allowed. `requiredHost` pins the host (Slack's hooks.slack.com).
 * Names are not resolved here; a name pointing at a private address is the resolver's business
 * (a known limit, docs/notifications.md).
 */
export function checkOutboundUrl(input: string, policy: OutboundPolicy, requiredHost?: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw refusedTarget('not a URL');
  }
  if (url.username || url.password) throw refusedTarget('must not contain credentials');
  if (policy.allowedHosts.includes(url.host.toLowerCase())) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refusedTarget('must use http or https');
    return url;
  }
  if (url.protocol !== 'https:') throw refusedTarget('must use https');
  if (url.port !== '') throw refusedTarget('must use the default https port');
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (requiredHost && host !== requiredHost) throw refusedTarget(`host must be ${requiredHost}`);
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) throw refusedTarget('local host names are not allowed');
  const family = isIP(host);
  if (family === 4 && PRIVATE_V4.some((re) => re.test(host))) throw refusedTarget('private and loopback addresses are not allowed');
  if (family === 6 && (host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host) || host.startsWith('::ffff:'))) {
    throw refusedTarget('private and loopback addresses are not allowed');
  }
  return url;
}
