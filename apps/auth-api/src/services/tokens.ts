import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { PrismaClient } from '@jobping/db';
import { HttpError, signAccessToken, type JwtSettings, type Role } from '@jobping/http-kit';

export interface IssuedTokens {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  refresh_expires_at: string;
}

export interface TokenServiceDeps {
  prisma: PrismaClient;
  jwt: JwtSettings;
  refreshTtlDays: number;
  now?: () => Date;
}

/** Refresh tokens are 256 random bits; only their SHA-256 is stored. */
const newRefreshToken = () => randomBytes(32).toString('base64url');
export const hashRefreshToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const invalidRefreshToken = (code = 'invalid_refresh_token', message = 'The refresh token is invalid or expired.') =>
  new HttpError(401, code, message);

type RotateOutcome =
  | { kind: 'rotated'; userId: string; familyId: string; token: string; expiresAt: Date }
  | { kind: 'reused'; familyId: string }
  | { kind: 'invalid' };

/**
 * Access tokens (short-lived JWTs) and refresh tokens (random, stored hashed, rotated on every
 * use). Each login starts a token family; presenting a token that was already rotated means
 * it leaked, so the whole family is revoked (OWASP: refresh token rotation with reuse detection).
 */
export class TokenService {
  private readonly now: () => Date;

  constructor(private readonly deps: TokenServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private refreshExpiry(now: Date): Date {
    return new Date(now.getTime() + this.deps.refreshTtlDays * 24 * 60 * 60 * 1000);
  }

  private access(userId: string, role: Role, refreshToken: string, refreshExpiresAt: Date): IssuedTokens {
    const roles: Role[] = role === 'admin' ? ['user', 'admin'] : ['user'];
    const access = signAccessToken(this.deps.jwt, { id: userId, roles }, this.now());
    return {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      refresh_token: refreshToken,
      refresh_expires_at: refreshExpiresAt.toISOString(),
    };
  }

  /** A new session: a new token family with its first refresh token. */
  async startSession(user: { id: string; role: Role }, userAgent: string | undefined): Promise<IssuedTokens> {
    const now = this.now();
    const token = newRefreshToken();
    const expiresAt = this.refreshExpiry(now);
    await this.deps.prisma.refreshToken.create({
      data: {
        userId: user.id,
        familyId: randomUUID(),
        tokenHash: hashRefreshToken(token),
        expiresAt,
        userAgent: userAgent?.slice(0, 300) ?? null,
      },
    });
    return this.access(user.id, user.role, token, expiresAt);
  }

  /**
   * Exchanges a refresh token for a new pair. The old token is marked rotated in the same
   * transaction that creates its successor; a rotated or revoked token revokes its family.
   */
  async rotate(
    presented: string,
    userAgent: string | undefined,
    roleOf: (userId: string) => Promise<Role | undefined>,
  ): Promise<{ userId: string; tokens: IssuedTokens }> {
    const now = this.now();
    const outcome = await this.deps.prisma.$transaction(async (tx): Promise<RotateOutcome> => {
      const current = await tx.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(presented) } });
      if (!current) return { kind: 'invalid' };
      if (current.rotatedAt || current.revokedAt) return { kind: 'reused', familyId: current.familyId };
      if (current.expiresAt <= now) return { kind: 'invalid' };
      // Only one concurrent request can win this update; a loser is treated as reuse.
      const claimed = await tx.refreshToken.updateMany({ where: { id: current.id, rotatedAt: null, revokedAt: null }, data: { rotatedAt: now } });
      if (claimed.count !== 1) return { kind: 'reused', familyId: current.familyId };
      const token = newRefreshToken();
      const expiresAt = this.refreshExpiry(now);
      const next = await tx.refreshToken.create({
        data: {
          userId: current.userId,
          familyId: current.familyId,
          tokenHash: hashRefreshToken(token),
          expiresAt,
          userAgent: userAgent?.slice(0, 300) ?? null,
        },
      });
      await tx.refreshToken.update({ where: { id: current.id }, data: { replacedById: next.id } });
      return { kind: 'rotated', userId: current.userId, familyId: current.familyId, token, expiresAt };
    });

    if (outcome.kind === 'invalid') throw invalidRefreshToken();
    if (outcome.kind === 'reused') {
      // Outside the transaction above, so the revocation is not rolled back with the error.
      await this.revokeFamily(outcome.familyId);
      throw invalidRefreshToken('refresh_token_reused', 'This refresh token was already used; every session it belongs to has been ended.');
    }
    const role = await roleOf(outcome.userId);
    if (!role) {
      await this.revokeFamily(outcome.familyId);
      throw invalidRefreshToken();
    }
    return { userId: outcome.userId, tokens: this.access(outcome.userId, role, outcome.token, outcome.expiresAt) };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.deps.prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: this.now() } });
  }

  /** Logout: ends the session `presented` belongs to, if it is the caller's; unknown tokens are ignored. */
  async revokeSessionOf(userId: string, presented: string): Promise<void> {
    const token = await this.deps.prisma.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(presented) } });
    if (!token || token.userId !== userId) return;
    await this.revokeFamily(token.familyId);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.deps.prisma.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: this.now() } });
  }
}
