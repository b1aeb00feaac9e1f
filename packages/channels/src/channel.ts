import type { ChannelKind, StoredChannelSettings } from '@jobping/contracts';
import type { Notice } from './notice';

/** One stored channel, ready to send to. */
export interface ChannelTarget<K extends ChannelKind = ChannelKind> {
  channelId: string;
  kind: K;
  settings: StoredChannelSettings<K>;
  /** E-mail only: the account's address, given only when it is verified. */
  email?: string | undefined;
  /** The delivery's id, sent to receivers that can de-duplicate on it (the generic webhook). */
  deliveryId?: string | undefined;
}

export interface SendReceipt {
  /** The receiver's id of what was sent (message id), when it gives one. */
  externalId?: string | undefined;
}

/**
 * One kind of channel. `send` makes one attempt and throws a ChannelSendError saying whether
 * to wait, retry or give up; ChannelSender applies the rules around it.
 */
export interface Channel<K extends ChannelKind = ChannelKind> {
  readonly kind: K;
  send(target: ChannelTarget<K>, notice: Notice): Promise<SendReceipt>;
}
