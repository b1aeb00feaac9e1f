import { createSecretKey, randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import { Passport } from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { z } from 'zod';
import { HttpError } from './errors';

/** Pinned: HMAC only, never `none`, never a public-key algorithm (OWASP JWT cheat sheet). */
export const ACCESS_TOKEN_ALGORITHM = 'HS256' as const;
/** Access tokens live 15 minutes unless configured otherwise; refresh tokens renew them. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Tolerated clock difference between the issuing and the verifying service. */
const CLOCK_TOLERANCE_SECONDS = 5;

export const roleSchema = z.enum(['user', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** Who made the request, as the verified access token says. */
export interface AuthUser {
  id: string;
  roles: Role[];
}

/** Environment every service that issues or checks access tokens reads. */
export const jwtEnvSchema = z.object({
  JWT_SECRET: z
    .string()
    .refine((value) => Buffer.byteLength(value, 'utf8') >= 32, { error: 'shorter than 32 bytes' })
    .describe('a random secret of at least 32 bytes, e.g. `openssl rand -base64 48`, that signs access tokens; auth-api and jobs-api must share it'),
  JWT_ISSUER: z.string().min(1).default('jobping-auth').describe('the iss claim of access tokens, checked on every request (default jobping-auth)'),
  JWT_AUDIENCE: z.string().min(1).default('jobping-api').describe('the aud claim of access tokens, checked on every request (default jobping-api)'),
  JWT_ACCESS_TTL_SECONDS: z.coerce
    .number({ error: 'not a number' })
    .int()
    .min(1)
    .max(3600)
    .default(ACCESS_TOKEN_TTL_SECONDS)
    .describe(`lifetime of an access token in seconds, 1 to 3600 (default ${ACCESS_TOKEN_TTL_SECONDS}); the same for every service`),
});
export type JwtEnv = z.output<typeof jwtEnvSchema>;

export interface JwtSettings {
  secret: string;
  issuer: string;
  audience: string;
  /** Lifetime of an access token (default ACCESS_TOKEN_TTL_SECONDS); also the oldest token accepted. */
  accessTtlSeconds?: number;
}

export function jwtSettingsFromConfig(config: Omit<JwtEnv, 'JWT_ACCESS_TTL_SECONDS'> & { JWT_ACCESS_TTL_SECONDS?: number }): JwtSettings {
  return {
    secret: config.JWT_SECRET,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    accessTtlSeconds: config.JWT_ACCESS_TTL_SECONDS ?? ACCESS_TOKEN_TTL_SECONDS,
  };
}

const ttlOf = (settings: JwtSettings) => settings.accessTtlSeconds ?? ACCESS_TOKEN_TTL_SECONDS;

/** The claims we put in (and accept from) an access token besides iss/aud/iat/exp. */
const accessClaimsSchema = z.object({
  sub: z.uuid(),
  roles: z.array(roleSchema).min(1),
  typ: z.literal('access'),
  iat: z.number(),
  exp: z.number(),
});

export interface SignedAccessToken {
  token: string;
  expiresIn: number;
}

/** Issues a short-lived HS256 access token carrying the user id and roles. */
export function signAccessToken(settings: JwtSettings, user: AuthUser, now: Date = new Date()): SignedAccessToken {
  const iat = Math.floor(now.getTime() / 1000);
  const ttl = ttlOf(settings);
  const token = jwt.sign({ roles: user.roles, typ: 'access', iat, exp: iat + ttl }, settings.secret, {
    algorithm: ACCESS_TOKEN_ALGORITHM,
    issuer: settings.issuer,
    audience: settings.audience,
    subject: user.id,
    jwtid: randomUUID(),
  });
  return { token, expiresIn: ttl };
}

/** How many verified access tokens each process remembers (a few hundred bytes each). */
const VERIFIED_TOKENS_MAX = 10_000;

interface VerifiedToken {
  user: AuthUser;
  /** Unix seconds after which the token is no longer accepted (expiry or maximum age, with the tolerance). */
  validUntil: number;
}

export interface JwtAuthenticator {
  /** Express middleware: 401 unless a valid bearer access token is present; sets `req.user`. */
  authenticate: RequestHandler;
}

/**
 * passport-jwt with the algorithm pinned and issuer, audience, expiry and maximum age checked.
 * A private Passport instance, so two apps in one process (tests) never share strategies.
 *
 * A token passport-jwt accepted is remembered, by its exact text, until it expires: its
 * signature covers every claim, so the same text verifies the same way until then, and a
 * client sends the same token on every request for 15 minutes. Measured on the api
 * benchmark, verifying it again (passport, jws, HMAC, claim checks) was ~20 % of the HTTP
 * stack's CPU per request. Rejected tokens are never remembered.
 */
export function createJwtAuthenticator(settings: JwtSettings): JwtAuthenticator {
  const verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS_MAX });
  const ttl = ttlOf(settings);
  const tokenOf = ExtractJwt.fromAuthHeaderAsBearerToken();
  const remember = (req: Request, claims: { exp: number; iat: number }, user: AuthUser) => {
    const token = tokenOf(req);
    if (!token) return;
    const validUntil = Math.min(claims.exp, claims.iat + ttl) + CLOCK_TOLERANCE_SECONDS;
    verified.set(token, { user, validUntil });
  };
  const passport = new Passport();
  passport.use(
    'jwt',
    new JwtStrategy(
      {
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a
        // public key on every request, ~9 % of a request's CPU. jsonwebtoken 9 accepts KeyObjects;
        // passport-jwt's types predate them, hence the cast.
        secretOrKey: createSecretKey(Buffer.from(settings.secret, 'utf8')) as unknown as string,
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: settings.issuer,
        audience: settings.audience,
        jsonWebTokenOptions: {
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          maxAge: `${ttl + CLOCK_TOLERANCE_SECONDS}s`,
        },
        passReqToCallback: true,
      },
      (req: Request, payload: unknown, done: (error: unknown, user?: AuthUser | false, info?: unknown) => void) => {
        const claims = accessClaimsSchema.safeParse(payload);
        if (!claims.success) {
          done(null, false, { message: 'token claims are invalid' });
          return;
        }
        // Frozen: a remembered user is shared by every request carrying the same token.
        const user: AuthUser = Object.freeze({ id: claims.data.sub, roles: Object.freeze([...new Set(claims.data.roles)]) as Role[] });
        remember(req, claims.data, user);
        done(null, user);
      },
    ),
  );
  // No passport.initialize(): it only adds the session helpers (req.login…) to each request,
  // which a custom-callback, session-less authenticate never calls — ~4 % of a request's CPU.
  const authenticate: RequestHandler = (req, res, next) => {
    const token = tokenOf(req);
    const known = token ? verified.get(token) : undefined;
    if (known) {
      if (Date.now() / 1000 < known.validUntil) {
        req.user = known.user;
        next();
        return;
      }
      // Expired: passport-jwt answers it (token_expired) as for any other client.
      verified.delete(token!);
    }
    passport.authenticate('jwt', { session: false }, (error: unknown, user: AuthUser | false, info: unknown) => {
      if (error) {
        next(error);
        return;
      }
      if (!user) {
        const expired = info instanceof jwt.TokenExpiredError;
        const missing = info instanceof Error && info.message === 'No auth token';
        next(
          new HttpError(
            401,
            missing ? 'unauthorized' : expired ? 'token_expired' : 'invalid_token',
            missing ? 'A bearer access token is required.' : expired ? 'The access token has expired.' : 'The access token is invalid.',
            { headers: { 'WWW-Authenticate': missing ? 'Bearer' : 'Bearer error="invalid_token"' } },
          ),
        );
        return;
      }
      req.user = user;
      next();
    })(req, res, next);
  };
  return { authenticate };
}
