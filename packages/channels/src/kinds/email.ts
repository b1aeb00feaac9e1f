import type { Transporter } from 'nodemailer';
import type { Channel, ChannelTarget, SendReceipt } from '../channel';
import { renderEmail } from '../email-template';
import { ChannelSendError } from '../errors';
import type { Notice } from '../notice';
import { unsubscribeUrl } from '../signing';

export interface EmailChannelOptions {
  /** The From header, e.g. `JobPing <alerts@example.com>`. */
  from: string;
  /** The address users open; the unsubscribe link is under it. */
  publicUrl: string;
  /** Signs the one-click unsubscribe links (UNSUBSCRIBE_SECRET). */
  unsubscribeSecret: string;
}

/** What nodemailer's errors carry: the SMTP reply code when the server answered. */
interface SmtpError {
  responseCode?: number;
  code?: string;
  response?: string;
}

/**
 * Mail over SMTP (nodemailer), to the account's verified address only. Each mail carries
 * `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): a mail
 * client's unsubscribe button POSTs to the signed URL and the channel is off, no login needed.
 * A 5xx reply (the address bounced, the server refuses us) is permanent; 4xx and no connection retry.
 */
export class EmailChannel implements Channel<'email'> {
  readonly kind = 'email' as const;

  constructor(
    private readonly transport: Pick<Transporter, 'sendMail'>,
    private readonly options: EmailChannelOptions,
  ) {}

  async send(target: ChannelTarget<'email'>, notice: Notice): Promise<SendReceipt> {
    if (!target.email) throw new ChannelSendError('the account has no verified e-mail address', { failure: 'permanent' });
    const url = unsubscribeUrl(this.options.publicUrl, this.options.unsubscribeSecret, target.channelId);
    const mail = renderEmail(notice, { unsubscribeUrl: url });
    try {
      const info = (await this.transport.sendMail({
        from: this.options.from,
        to: target.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        // A digest's id as the Message-ID: were a crash ever to send it twice, mail clients see one message.
        ...(target.deliveryId ? { messageId: `<${target.deliveryId}@${new URL(this.options.publicUrl).hostname}>` } : {}),
        headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      })) as { messageId?: string; rejected?: unknown[] };
      if (info.rejected && info.rejected.length > 0) throw new ChannelSendError('the mail server rejected the address', { failure: 'permanent' });
      return { externalId: info.messageId };
    } catch (error) {
      if (error instanceof ChannelSendError) throw error;
      const smtp = error as SmtpError;
      const reply = smtp.response ? `: ${smtp.response.slice(0, 200)}` : '';
      if (typeof smtp.responseCode === 'number' && smtp.responseCode >= 500) {
        throw new ChannelSendError(`the mail server refused the mail (${smtp.responseCode})${reply}`, { failure: 'permanent', status: smtp.responseCode, cause: error });
      }
      const what = typeof smtp.responseCode === 'number' ? `the mail server answered ${smtp.responseCode}${reply}` : `could not send the mail (${smtp.code ?? (error as Error).message})`;
      throw new ChannelSendError(what, { failure: 'retryable', ...(smtp.responseCode ? { status: smtp.responseCode } : {}), cause: error });
    }
  }
}
