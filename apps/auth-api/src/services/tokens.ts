import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient, RefreshToken } from '@jobping/db';
import { HttpError, signAccessToken, type JwtSettings, type Role } from '@jobping/http-kit';
import { sealSuccessor, unsealSuccessor } from './successor-seal';

/** What a session answer carries. The refresh token itself goes into the cookie, not the body. */
export interface IssuedTokens {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  refresh_expires_at: Date;
}

export interface TokenServiceDeps {
  prisma: PrismaClient;
  jwt: JwtSettings;
  refreshTtlDays: number;
  /** How long after its rotation a refresh token still yields its successor (two tabs refreshing at once). */
  reuseGraceSeconds: number;
  now?: () => Date;
}

/** Refresh tokens are 256 random bits; only their SHA-256 is stored. */
const newRefreshToken = () => randomBytes(32).toString('base64url');
export const hashRefreshToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const invalidRefreshToken = (code = 'invalid_refresh_token', message = 'The refresh token is invalid or expired.') =>
  new HttpError(401, code, message);

type Issued = { kind: 'issued'; userId: string; token: string; expiresAt: Date };
type RotateOutcome = Issued | { kind: 'reused'; familyId: string } | { kind: 'invalid' };

/** A chain of rotations within the grace window is followed at most this far. */
const MAX_GRACE_HOPS = 5;

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
      refresh_expires_at: refreshExpiresAt,
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
   *
   * Two tabs of one browser share the cookie and may both refresh with it at once. The one
   * that loses the race (or comes a moment later) is not a thief: within the grace window
   * after a rotation, the presented token unseals its successor, and that same token is
   * handed out again. Past the window, reuse revokes the family as before.
   */
  async rotate(
    presented: string,
    userAgent: string | undefined,
    roleOf: (userId: string) => Promise<Role | undefined>,
  ): Promise<{ userId: string; tokens: IssuedTokens }> {
    const now = this.now();
    const outcome = await this.deps.prisma.$transaction(async (tx): Promise<RotateOutcome> => {
      const tokenHash = hashRefreshToken(presented);
      const current = await tx.refreshToken.findUnique({ where: { tokenHash } });
      if (!current) return { kind: 'invalid' };
      if (current.revokedAt) return { kind: 'reused', familyId: current.familyId };
      if (current.rotatedAt) return this.replay(tx, current, presented, now);
      if (current.expiresAt <= now) return { kind: 'invalid' };
      // Only one concurrent request can win this update. A loser waits here for the winner's
      // commit and then finds the token rotated, with its successor sealed: a replay.
      const claimed = await tx.refreshToken.updateMany({ where: { id: current.id, rotatedAt: null, revokedAt: null }, data: { rotatedAt: now } });
      if (claimed.count !== 1) {
        const settled = await tx.refreshToken.findUnique({ where: { tokenHash } });
        return settled?.rotatedAt && !settled.revokedAt ? this.replay(tx, settled, presented, now) : { kind: 'reused', familyId: current.familyId };
      }
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
      await tx.refreshToken.update({ where: { id: current.id }, data: { replacedById: next.id, successorSealed: sealSuccessor(presented, token) } });
      return { kind: 'issued', userId: current.userId, token, expiresAt };
    });

    if (outcome.kind === 'invalid') throw invalidRefreshToken();
    if (outcome.kind === 'reused') {
      // Outside the transaction above, so the revocation is not rolled back with the error.
      await this.revokeFamily(outcome.familyId);
      throw invalidRefreshToken('refresh_token_reused', 'This refresh token was already used; every session it belongs to has been ended.');
    }
    const role = await roleOf(outcome.userId);
    if (!role) {
      await this.revokeTokenFamily(outcome.token);
      throw invalidRefreshToken();
    }
    return { userId: outcome.userId, tokens: this.access(outcome.userId, role, outcome.token, outcome.expiresAt) };
  }

  /**
   * A rotated token presented again: within the grace window, the live token its rotations
   * led to (following at most a few hops, each rotated within the window); otherwise reuse.
   */
  private async replay(tx: Prisma.TransactionClient, rotated: RefreshToken, presented: string, now: Date): Promise<RotateOutcome> {
    const graceStart = now.getTime() - this.deps.reuseGraceSeconds * 1000;
    let token = presented;
    let row: RefreshToken | null = rotated;
    for (let hop = 0; hop < MAX_GRACE_HOPS && row; hop += 1) {
      if (row.revokedAt) return { kind: 'invalid' };
      if (!row.rotatedAt) return row.expiresAt > now ? { kind: 'issued', userId: row.userId, token, expiresAt: row.expiresAt } : { kind: 'invalid' };
      if (row.rotatedAt.getTime() < graceStart || !row.successorSealed || !row.replacedById) break;
      const successor = unsealSuccessor(token, row.successorSealed);
      if (!successor) break;
      token = successor;
      row = await tx.refreshToken.findUnique({ where: { id: row.replacedById } });
    }
    return { kind: 'reused', familyId: rotated.familyId };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.deps.prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: this.now() } });
  }

  private async revokeTokenFamily(token: string): Promise<void> {
    const row = await this.deps.prisma.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(token) } });
    if (row) await this.revokeFamily(row.familyId);
  }

  /**
   * Logout: ends the session (token family) `presented` belongs to, whatever state the token
   * is in, and answers whose it was; an unknown token ends nothing.
   */
  async revokeSessionOf(presented: string): Promise<string | undefined> {
    const token = await this.deps.prisma.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(presented) } });
    if (!token) return undefined;
    await this.revokeFamily(token.familyId);
    return token.userId;
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.deps.prisma.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: this.now() } });
  }
}
