import type { Channel, ChannelTarget, SendReceipt } from '../channel';
import { checkOutboundUrl, httpFailure, post, type OutboundPolicy } from '../http';
import { summarizeMatch } from '../match-text';
import { DIGEST_TITLES, digestMatchLine, digestSummary, type DigestContent } from '../digest';
import { TEST_MESSAGE, type Notice } from '../notice';

/** Slack's mrkdwn treats only these as control characters; escaped, a posting cannot link or mention. */
const escapeSlack = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const slackLink = (url: string, text: string) =>
  /^https?:\/\//i.test(url) ? `<${escapeSlack(url).replace(/\|/g, '%7C')}|${escapeSlack(text).replace(/\|/g, '¦')}>` : escapeSlack(text);

function slackDigest(d: DigestContent): string {
  const parts = [`*${escapeSlack(DIGEST_TITLES[d.kind])}*: ${digestSummary(d)}`];
  for (const c of d.companies) {
    const lines = c.matches.map((m) => `• ${slackLink(m.jobUrl, `${m.score}/100 ${m.jobTitle}`)}${escapeSlack(digestMatchLine(m).slice(`${m.score}/100 ${m.jobTitle}`.length))}`);
    if (c.more > 0) lines.push(`+${c.more} more`);
    parts.push(`*${escapeSlack(c.company)}*\n${lines.join('\n')}`);
  }
  return parts.join('\n\n').slice(0, 3_000);
}

export function slackText(notice: Notice): string {
  if (notice.type === 'test') return escapeSlack(TEST_MESSAGE);
  if (notice.type === 'digest') return slackDigest(notice.digest);
  const s = summarizeMatch(notice.match);
  const link = slackLink(s.url, s.title);
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
