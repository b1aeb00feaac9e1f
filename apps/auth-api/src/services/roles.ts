import type { PrismaClient, User } from '@jobping/db';
import type { Role } from '@jobping/http-kit';

/**
 * The admin role. The stored `users.role` is the truth: every login and refresh issues it.
 * It changes only by an operator (`pnpm jobping users promote|demote`, this service) or by
 * ADMIN_EMAILS for an account whose address has been verified. A listed but unverified
 * address proves nothing (anyone can register it), so it gives nothing.
 */

/** ADMIN_EMAILS (lower-cased by the config) applies to this account: listed and verified. */
export function adminByConfig(user: Pick<User, 'email' | 'emailVerifiedAt'>, adminEmails: readonly string[]): boolean {
  return user.emailVerifiedAt !== null && adminEmails.includes(user.email.toLowerCase());
}

export class UnknownAccountError extends Error {
  constructor(readonly email: string) {
    super(`no account with the e-mail address ${email}`);
    this.name = 'UnknownAccountError';
  }
}

export interface RoleChange {
  email: string;
  role: Role;
  /** False when the account had that role already. */
  changed: boolean;
}

export interface AdminAccount {
  email: string;
  verified: boolean;
  createdAt: Date;
}

/** What the operator CLI does, without the process around it. E-mails arrive normalised (emailSchema). */
export class UserRoleService {
  constructor(private readonly prisma: PrismaClient) {}

  promote(email: string): Promise<RoleChange> {
    return this.setRole(email, 'admin');
  }

  /**
   * The access tokens already issued keep their claim until they expire (JWT_ACCESS_TTL_SECONDS); the
   * next refresh reads the stored role. Sessions are not ended: the person may go on using
   * JobPing as a user.
   */
  demote(email: string): Promise<RoleChange> {
    return this.setRole(email, 'user');
  }

  async listAdmins(): Promise<AdminAccount[]> {
    const admins = await this.prisma.user.findMany({
      where: { role: 'admin' },
      select: { email: true, emailVerifiedAt: true, createdAt: true },
      orderBy: { email: 'asc' },
    });
    return admins.map((a) => ({ email: a.email, verified: a.emailVerifiedAt !== null, createdAt: a.createdAt }));
  }

  private async setRole(email: string, role: Role): Promise<RoleChange> {
    // One statement: the role is set only if it differs, and `count` says whether it did.
    const updated = await this.prisma.user.updateMany({ where: { email, role: { not: role } }, data: { role } });
    if (updated.count === 1) return { email, role, changed: true };
    const exists = await this.prisma.user.count({ where: { email } });
    if (exists === 0) throw new UnknownAccountError(email);
    return { email, role, changed: false };
  }
}
