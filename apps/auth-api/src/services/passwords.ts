import { hash, parseOptions, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { randomBytes } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-limits';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** OWASP password storage cheat sheet: Argon2id, m = 19 MiB, t = 2, p = 1 (@node-rs/argon2's defaults, pinned here). */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** ~49,000 most common passwords, shipped by the maintained zxcvbn-ts project (no download). */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common']);

/**
 * Why `password` may not be used, or undefined when it is acceptable: at least 10 characters,
 * not a common password (also after removing trailing digits and symbols, as in "Password123!"),
 * not the e-mail address or its local part.
 */
export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON_PASSWORDS.has(lower) || (stem.length >= 4 && COMMON_PASSWORDS.has(stem))) {
    return 'is too common; choose a less guessable password';
  }
  if (new Set(lower).size < 4) return 'uses too few different characters';
  const local = email.split('@')[0] ?? '';
  if (lower === email || (local.length >= 4 && lower.includes(local))) return 'must not contain your e-mail address';
  return undefined;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Verifies against `storedHash`, or against a dummy hash when there is no account, so both take as long. */
  verify(storedHash: string | undefined, password: string): Promise<boolean>;
  /** Whether a stored hash uses weaker parameters than today's and should be replaced at the next login. */
  needsRehash(storedHash: string): boolean;
}

export async function createPasswordHasher(): Promise<PasswordHasher> {
  const dummyHash = await hash(randomBytes(32).toString('base64url'), ARGON2_OPTIONS);
  return {
    hash: (password) => hash(password, ARGON2_OPTIONS),
    async verify(storedHash, password) {
      try {
        const ok = await verify(storedHash ?? dummyHash, password);
        return storedHash !== undefined && ok;
      } catch {
        return false; // a malformed stored hash never logs anyone in
      }
    },
    needsRehash(storedHash) {
      try {
        const current = parseOptions(storedHash);
        return (
          current.algorithm !== 2 ||
          current.memoryCost < ARGON2_OPTIONS.memoryCost ||
          current.timeCost < ARGON2_OPTIONS.timeCost
        );
      } catch {
        return true;
      }
    },
  };
}
