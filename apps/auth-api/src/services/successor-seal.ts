import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * A rotated refresh token keeps its successor sealed (AES-256-GCM) under a key derived from
 * the rotated token itself. The database stores only a plain SHA-256 of that token, from
 * which this differently-labelled key cannot be derived: reading the successor takes the
 * token, i.e. being the browser that held it.
 */
const keyOf = (token: string) => createHash('sha256').update('jobping refresh successor seal\0', 'utf8').update(token, 'utf8').digest();

export function sealSuccessor(token: string, successor: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(token), iv);
  const sealed = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The successor, or undefined when `sealed` was not made with `token`. */
export function unsealSuccessor(token: string, sealed: string): string | undefined {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < 29) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(token), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
