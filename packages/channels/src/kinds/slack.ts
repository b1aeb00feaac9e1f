import type { Channel, ChannelTarget, SendReceipt } from '../channel';
import { checkOutboundUrl, httpFailure, post, type OutboundPolicy } from '../http';
import { summarizeMatch } from '../match-text';
import { TEST_MESSAGE, type Notice } from '../notice';

/** Slack's mrkdwn treats only these as control characters; escaped, a posting cannot link or mention. */
const escapeSlack = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackText(notice: Notice): string {
  if (notice.type === 'test') return escapeSlack(TEST_MESSAGE);
  const s = summarizeMatch(notice.match);
  const link = /^https?:\/\//i.test(s.url) ? `<${escapeSlack(s.url).replace(/\|/g, '%7C')}|${escapeSlack(s.title).replace(/\|/g, '¦')}>` : escapeSlack(s.title);
  return [
    `*${link}*`,
    s.facts.map((f) => `${escapeSlack(f.label)}: ${escapeSlack(f.value)}`).join(' · '),
    escapeSlack(s.explanation),
    ...s.pros.map((p) => `+ ${escapeSlack(p)}`),
    ...s.cons.map((c) => `− ${escapeSlack(c)}`),
  ]
    .filter(Boolean)
    .join('\n')
    .slice(0, 3_000);
}

export interface SlackChannelOptions extends OutboundPolicy {
  timeoutMs: number;
}

/**
 * A Slack incoming webhook (hooks.slack.com only). 404 no_service, 410 channel_is_archived,
 * 403 action_prohibited and 400 invalid_payload are permanent; 429 waits Retry-After.
 */
export class SlackChannel implements Channel<'slack'> {
  readonly kind = 'slack' as const;

  constructor(private readonly options: SlackChannelOptions) {}

  async send(target: ChannelTarget<'slack'>, notice: Notice): Promise<SendReceipt> {
    const url = checkOutboundUrl(target.settings.webhook_url, this.options, 'hooks.slack.com');
    const body = JSON.stringify({ text: slackText(notice), unfurl_links: false, unfurl_media: false });
    const answer = await post(url.toString(), body, { 'Content-Type': 'application/json' }, this.options.timeoutMs, 'Slack', this.options);
    if (answer.status >= 200 && answer.status < 300) return {};
    throw httpFailure('Slack', answer, answer.text);
  }
}
