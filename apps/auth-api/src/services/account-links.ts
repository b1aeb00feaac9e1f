import { createHash, randomBytes } from 'node:crypto';
import { renderAccountMail, type AccountMail } from '@jobping/channels';
import type { PrismaClient } from '@jobping/db';
import { HttpError, validationFailed } from '@jobping/http-kit';
import type { Logger } from '@jobping/logger';
import { passwordProblem, type PasswordHasher } from './passwords';
import type { TokenService } from './tokens';

export interface AccountLinkDeps {
  prisma: PrismaClient;
  passwords: PasswordHasher;
  tokens: Pick<TokenService, 'revokeAllOf'>;
  logger: Logger;
  /** nodemailer over SMTP_*; undefined: this deployment mails nothing (the links cannot be sent). */
  mailer: { sendMail(mail: { from: string; to: string; subject: string; text: string; html: string }): Promise<unknown> } | undefined;
  mailFrom: string;
  /** The web app's address; links point under it. Undefined: no mails (a Host header must never make a link). */
  publicWebUrl: string | undefined;
  verificationTtlHours: number;
  resetTtlMinutes: number;
  now?: () => Date;
}

export type TokenPurpose = 'verify_email' | 'reset_password';

/** The same answer for an unknown, used, expired or mistyped token: nothing to learn from it. */
const invalidToken = () => new HttpError(400, 'invalid_token', 'This link is not valid any more. Ask for a new one.');

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Address verification and password reset by mailed link. A link carries 32 random bytes; only
 * their SHA-256 is stored (account_tokens), so the table alone opens nothing. A token is used
 * up by one conditional UPDATE (used_at IS NULL AND expires_at > now), so it works once even
 * when opened twice at the same moment. Mails are sent in the background: how long an answer
 * takes does not tell whether an address has an account.
 */
export class AccountLinks {
  private readonly now: () => Date;

  constructor(private readonly deps: AccountLinkDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Mails a verification link to the account's current address (after registering, or when asked again). */
  async sendVerification(userId: string): Promise<void> {
    const user = await this.deps.prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true, signupEmail: true } });
    // A provisional account has no address of its own: it can never be verified (the caller answers the same).
    if (!user || user.emailVerifiedAt || user.signupEmail !== null || !this.canMail('verify_email')) return;
    const hours = this.deps.verificationTtlHours;
    const token = await this.issue(user.id, user.email, 'verify_email', hours * 3_600_000);
    this.mail(user.email, { type: 'verify_email', link: this.link('/verify-email', token), expiresInHours: hours });
  }

  /** Opens a verification link: the address it was mailed to is verified, once. */
  async verify(token: string): Promise<void> {
    const used = await this.use(token, 'verify_email');
    // Only the address the link went to: a link mailed before an address change proves nothing now.
    const updated = await this.deps.prisma.user.updateMany({ where: { id: used.userId, email: used.email, emailVerifiedAt: null }, data: { emailVerifiedAt: this.now() } });
    if (updated.count === 0) {
      const still = await this.deps.prisma.user.count({ where: { id: used.userId, email: used.email } });
      if (still === 0) throw invalidToken();
    }
    this.deps.logger.info('e-mail address verified', { user_id: used.userId });
  }

  /** "Forgot password": a reset link if the address has an account; the caller answers the same either way. */
  async requestReset(email: string): Promise<void> {
    const user = await this.deps.prisma.user.findUnique({ where: { email }, select: { id: true, email: true } });
    if (!user || !this.canMail('reset_password')) return;
    const minutes = this.deps.resetTtlMinutes;
    const token = await this.issue(user.id, user.email, 'reset_password', minutes * 60_000);
    this.mail(user.email, { type: 'reset_password', link: this.link('/reset-password', token), expiresInMinutes: minutes });
  }

  /** Sets a new password with a reset link, once; every session of the account ends. */
  async resetPassword(token: string, password: string): Promise<void> {
    const tokenHash = hashToken(token);
    const pending = await this.deps.prisma.accountToken.findUnique({ where: { tokenHash }, select: { email: true } });
    // The password rules first (they need the address), without using the token up on a weak password.
    const problem = pending ? passwordProblem(password, pending.email) : undefined;
    if (problem) throw validationFailed([{ path: 'body.password', message: `Password ${problem}.` }]);
    const used = await this.use(token, 'reset_password');
    const passwordHash = await this.deps.passwords.hash(password);
    const updated = await this.deps.prisma.user.updateMany({ where: { id: used.userId, email: used.email }, data: { passwordHash } });
    if (updated.count === 0) throw invalidToken();
    // The other reset links of the account die with it, and so does every session.
    await this.deps.prisma.accountToken.updateMany({ where: { userId: used.userId, purpose: 'reset_password', usedAt: null }, data: { usedAt: this.now() } });
    await this.deps.tokens.revokeAllOf(used.userId);
    this.deps.logger.info('password reset by e-mail link; every session ended', { user_id: used.userId });
  }

  /** Tells the owner of an address that someone tried to register it (register answers as for a new address). */
  notifySignupAttempt(email: string): void {
    if (!this.canMail('signup_attempt')) return;
    this.mail(email, { type: 'signup_attempt', loginLink: this.link('/login'), resetLink: this.link('/forgot-password') });
  }

  private async issue(userId: string, email: string, purpose: TokenPurpose, ttlMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.deps.prisma.accountToken.create({
      data: { userId, email, purpose, tokenHash: hashToken(token), expiresAt: new Date(this.now().getTime() + ttlMs) },
    });
    return token;
  }

  private async use(token: string, purpose: TokenPurpose): Promise<{ userId: string; email: string }> {
    const tokenHash = hashToken(token);
    const now = this.now();
    const claimed = await this.deps.prisma.accountToken.updateMany({ where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw invalidToken();
    const row = await this.deps.prisma.accountToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true, email: true } });
    return row;
  }

  private link(path: string, token?: string): string {
    const url = new URL(path, this.deps.publicWebUrl ?? 'http://localhost:3000');
    if (token) url.hash = `token=${token}`;
    return url.toString();
  }

  /** Whether this deployment can mail links; no token is issued when it cannot. */
  private canMail(type: AccountMail['type']): boolean {
    if (this.deps.mailer && this.deps.publicWebUrl) return true;
    this.deps.logger.warn('account mail not sent: SMTP_HOST and PUBLIC_WEB_URL are needed for account mails', { type });
    return false;
  }

  /** In the background: the answer never waits for (or reveals) a mail. */
  private mail(to: string, mail: AccountMail): void {
    const { mailer, logger } = this.deps;
    if (!mailer) return;
    const rendered = renderAccountMail(mail);
    mailer
      .sendMail({ from: this.deps.mailFrom, to, subject: rendered.subject, text: rendered.text, html: rendered.html })
      .catch((error: unknown) => logger.error('account mail failed', { type: mail.type, error: (error as Error).message }));
  }
}
