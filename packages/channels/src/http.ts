import { isIP } from 'node:net';
import { parseRetryAfter } from '@jobping/backoff';
import { guardedLookup, isPrivateAddress, PrivateAddressError, readCappedBody } from '@jobping/outbound';
import { Agent, fetch } from 'undici';
import { ChannelSendError, refusedTarget } from './errors';

export interface HttpAnswer {
  status: number;
  text: string;
  headers: Headers;
}

/** Answers of chat and webhook endpoints are short; anything longer is read only this far. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * One connection pool per outbound policy. Its DNS lookup refuses private answers where the
 * socket connects (@jobping/outbound), so a user's webhook URL whose public name resolves to an
 * address inside the cluster is refused too, not only a literal private address.
 */
const guardedAgents = new WeakMap<OutboundPolicy, Agent>();
const plainAgent = new Agent();

function agentFor(policy: OutboundPolicy | undefined): Agent {
  if (!policy) return plainAgent;
  let agent = guardedAgents.get(policy);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup({ allowedHosts: policy.allowedHosts }) } });
    guardedAgents.set(policy, agent);
  }
  return agent;
}

/**
 * POSTs a body; never follows redirects. No answer or a timeout is a retryable failure. With
 * `policy` (a URL a user gave) the name must resolve to a public address; a private one is a
 * permanent failure.
 */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  who: string,
  policy?: OutboundPolicy,
): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'User-Agent': 'JobPing-Notifier/0.1', ...headers },
      body,
      redirect: 'manual',
      signal,
      dispatcher: agentFor(policy),
    });
    const answer = await readCappedBody(response as unknown as Response, MAX_RESPONSE_BYTES);
    return { status: response.status, text: answer.text, headers: response.headers as unknown as Headers };
  } catch (error) {
    const refused = error instanceof PrivateAddressError ? error : (error as { cause?: unknown })?.cause;
    if (refused instanceof PrivateAddressError) throw refusedTarget(refused.message);
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

/**
 * Whether a user-given URL may be called (OWASP SSRF): https on the default port, no
 * credentials, and not a loopback, private or link-local literal address or `localhost`,
 * unless its `host:port` is allowed. `requiredHost` pins the host (Slack's hooks.slack.com).
 * Names are resolved when `post` connects, which refuses private answers then.
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
  if (isIP(host) && isPrivateAddress(host)) throw refusedTarget('private and loopback addresses are not allowed');
  return url;
}
