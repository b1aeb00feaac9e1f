import { BrokenWebhookError, DiscordRateLimitError, DiscordWebhookError, type DiscordWebhookClient } from '@jobping/discord';
import type { Channel, ChannelTarget, SendReceipt } from '../channel';
import { notificationMessage } from '../discord-message';
import { ChannelSendError } from '../errors';
import { digestPlainText } from '../digest';
import { TEST_MESSAGE, type Notice } from '../notice';

/** Today's Discord client behind the channel interface. */
export class DiscordChannel implements Channel<'discord'> {
  readonly kind = 'discord' as const;

  constructor(private readonly client: Pick<DiscordWebhookClient, 'send'>) {}

  async send(target: ChannelTarget<'discord'>, notice: Notice): Promise<SendReceipt> {
    const message =
      notice.type === 'test'
        ? { username: 'JobPing', content: TEST_MESSAGE }
        : notice.type === 'digest'
          ? // Discord's content limit is 2000; links in <> are not unfurled into embeds.
            { username: 'JobPing', content: digestPlainText(notice.digest, 1_900).replace(/^ {2}(https?:\/\/\S+)$/gm, '  <$1>') }
          : notificationMessage(notice.match);
    try {
      const sent = await this.client.send(target.settings.webhook_url, message);
      return { externalId: sent.messageId };
    } catch (error) {
      if (error instanceof DiscordRateLimitError) {
        throw new ChannelSendError(error.message, { failure: 'rate_limited', status: 429, retryAfterMs: error.retryAfterMs, cause: error });
      }
      if (error instanceof BrokenWebhookError) {
        throw new ChannelSendError(`the Discord webhook is gone: ${error.message}`, { failure: 'permanent', ...(error.status ? { status: error.status } : {}), cause: error });
      }
      if (error instanceof DiscordWebhookError) {
        throw new ChannelSendError(error.message, { failure: error.retryable ? 'retryable' : 'permanent', ...(error.status ? { status: error.status } : {}), cause: error });
      }
      throw error;
    }
  }
}
