import { z } from 'zod';
import type { Channel, ChannelTarget, SendReceipt } from '../channel';
import { ChannelSendError } from '../errors';
import { httpFailure, parseJson, post } from '../http';
import { matchPlainText } from '../match-text';
import { digestPlainText } from '../digest';
import { TEST_MESSAGE, type Notice } from '../notice';

const answerSchema = z.object({
  ok: z.boolean(),
  result: z.object({ message_id: z.number() }).optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().nonnegative().optional() }).optional(),
});

export interface TelegramChannelOptions {
  /** https://api.telegram.org, or a stand-in (TELEGRAM_API_BASE). */
  baseUrl: string;
  timeoutMs: number;
}

/**
 * The Bot API's sendMessage with the user's bot token and chat id, as plain text (no parse
 * mode: nothing from a posting can become markup). 429 carries `parameters.retry_after`;
 * 401 (revoked token), 403 (bot blocked or removed) and 400/404 (no such chat or bot) are permanent.
 * The token is part of the URL: it never appears in an error or a log.
 */
export class TelegramChannel implements Channel<'telegram'> {
  readonly kind = 'telegram' as const;

  constructor(private readonly options: TelegramChannelOptions) {}

  async send(target: ChannelTarget<'telegram'>, notice: Notice): Promise<SendReceipt> {
    const text = (notice.type === 'test' ? TEST_MESSAGE : notice.type === 'digest' ? digestPlainText(notice.digest, 4096) : matchPlainText(notice.match)).slice(0, 4096);
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/bot${target.settings.bot_token}/sendMessage`;
    const body = JSON.stringify({ chat_id: target.settings.chat_id, text, link_preview_options: { is_disabled: true } });
    const answer = await post(url, body, { 'Content-Type': 'application/json' }, this.options.timeoutMs, 'Telegram');
    const parsed = answerSchema.safeParse(parseJson(answer.text));
    const data = parsed.success ? parsed.data : undefined;
    if (answer.status >= 200 && answer.status < 300 && data?.ok) return { externalId: data.result ? String(data.result.message_id) : undefined };
    const retryAfter = data?.parameters?.retry_after;
    const status = answer.status >= 200 && answer.status < 300 ? (data?.error_code ?? 502) : answer.status;
    if (status === 401) throw new ChannelSendError('Telegram says the bot token is revoked or wrong (401)', { failure: 'permanent', status });
    throw httpFailure('Telegram', { ...answer, status }, data?.description ?? '', retryAfter === undefined ? undefined : Math.ceil(retryAfter * 1000));
  }
}
