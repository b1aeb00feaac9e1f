import type { Channel, ChannelTarget, SendReceipt } from '../channel';
import { formatSalary } from '../discord-message';
import { checkOutboundUrl, httpFailure, post, type OutboundPolicy } from '../http';
import { digestJson } from '../digest';
import type { MatchContent, Notice } from '../notice';
import { signWebhookBody, WEBHOOK_HEADERS } from '../signing';

/** The JSON body of the generic webhook (docs/notifications.md shows it). */
export function webhookBody(notice: Notice, deliveryId: string | undefined, sentAt: Date) {
  const base = { type: notice.type, delivery_id: deliveryId ?? null, sent_at: sentAt.toISOString() };
  if (notice.type === 'test') return { ...base, match: null };
  if (notice.type === 'digest') return { ...base, match: null, digest: digestJson(notice.digest, matchJson) };
  return { ...base, match: matchJson(notice.match) };
}

function matchJson(m: MatchContent) {
  return {
      job_title: m.jobTitle,
      company: m.company,
      job_url: m.jobUrl,
      location: m.location,
      remote: m.remote,
      salary: formatSalary(m),
      score: m.score,
      recommendation: m.analysis.recommendation,
      explanation: m.analysis.explanation,
      pros: m.analysis.pros,
      cons: m.analysis.cons,
  };
}

export interface WebhookChannelOptions extends OutboundPolicy {
  timeoutMs: number;
  now?: () => Date;
}

/**
 * POSTs JSON to the user's endpoint, signed: `X-JobPing-Signature: v1=<hex HMAC-SHA256 of
 * "<X-JobPing-Timestamp>.<body>">` with the channel's secret; `X-JobPing-Delivery` lets the
 * receiver drop a repeat. 404 and 410 (endpoint deleted) and other 4xx are permanent.
 */
export class WebhookChannel implements Channel<'webhook'> {
  readonly kind = 'webhook' as const;

  constructor(private readonly options: WebhookChannelOptions) {}

  async send(target: ChannelTarget<'webhook'>, notice: Notice): Promise<SendReceipt> {
    const url = checkOutboundUrl(target.settings.url, this.options);
    const now = this.options.now?.() ?? new Date();
    const body = JSON.stringify(webhookBody(notice, target.deliveryId, now));
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhookBody(target.settings.secret, timestamp, body),
    };
    if (target.deliveryId) headers[WEBHOOK_HEADERS.delivery] = target.deliveryId;
    const answer = await post(url.toString(), body, headers, this.options.timeoutMs, 'the webhook', this.options);
    if (answer.status >= 200 && answer.status < 300) return {};
    throw httpFailure('the webhook', answer);
  }
}
