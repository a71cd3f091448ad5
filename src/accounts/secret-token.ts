/**
 * The random secrets users hold (session cookies, API tokens) and the hashes the store
 * keeps instead of them. 32 random bytes from node:crypto (256 bits) make guessing
 * hopeless, so a plain SHA-256 is enough to store them: unlike passwords they need no
 * slow hash, and a stolen database still holds nothing that logs anyone in.
 */
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../util/sha256.ts';

/** The prefix of API tokens, so secret scanners and people can tell what one is. */
export const API_TOKEN_PREFIX = 'tdg_';

/** Returns a new random secret (base64url, 43 characters after the prefix). */
export function newSecretToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Returns what the store keeps of a secret: its SHA-256 as hex. */
export function hashSecret(token: string): string {
  return sha256Hex(token);
}
