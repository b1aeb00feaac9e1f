import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string;
  to: string[];
  /** The parsed message: subject, text, html, headers. */
  parsed: ParsedMail;
  raw: string;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 that keeps every mail, parsed (mailparser).
 * No TLS, no authentication: the sender uses SMTP_TLS=none. `rejectRecipient` answers 550
 * for an address, like a bounce at RCPT time.
 */
export class SmtpCatcher {
  readonly mails: CaughtMail[] = [];
  private readonly rejected = new Set<string>();
  private server: SMTPServer | undefined;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.rejected.has(address.address.toLowerCase())) {
          const error = Object.assign(new Error('5.1.1 no such mailbox here'), { responseCode: 550 });
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
              this.mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), parsed, raw });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = ((this.server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port;
    return this;
  }

  rejectRecipient(address: string): void {
    this.rejected.add(address.toLowerCase());
  }

  mailsTo(address: string): CaughtMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  reset(): void {
    this.mails.length = 0;
    this.rejected.clear();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
