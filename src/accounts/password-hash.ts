/**
 * Password hashing with scrypt from node:crypto (no library: it is native, memory-hard, and
 * what the issue asks for). The stored string carries its own parameters,
 * `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the cost can be raised later:
 * hashes made with lower parameters still verify, and `needsRehash` tells login to store
 * a new one. The default N = 2^15, r = 8 (32 MiB, about 0.1 s on a small server) follows
 * the OWASP password storage cheat sheet's scrypt floor while keeping concurrent logins
 * affordable on a 2-core box. Comparison is constant-time (timingSafeEqual).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../domain/errors.ts';

/** scrypt's cost parameters. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The parameters new hashes are made with. */
export const DEFAULT_SCRYPT: Readonly<ScryptParams> = { N: 2 ** 15, r: 8, p: 1 };

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 8;

/** The longest password accepted (a longer one only costs the server time). */
export const MAX_PASSWORD_LENGTH = 1024;

const KEY_BYTES = 32;
const SALT_BYTES = 16;
// A stored hash is data: bound what it may ask of the CPU and memory.
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, params: ScryptParams, keyBytes = KEY_BYTES): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

/** Throws AppError `user.weak-password` when the password is shorter than 8 characters (or absurdly long). */
export function checkPasswordPolicy(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    throw new AppError('user.weak-password', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH)
    throw new AppError('user.weak-password', `the password must have at most ${MAX_PASSWORD_LENGTH} characters`);
}

/** Returns the `scrypt$N$r$p$salt$hash` string of a password (the policy is not checked here). */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Returns the parameters, salt and key of a stored hash, or undefined when it is not one this code makes. */
export function parsePasswordHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const power = Number.isSafeInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!power || N > MAX_N || !Number.isSafeInteger(r) || r < 1 || r > 32 || !Number.isSafeInteger(p) || p < 1 || p > 16)
    return undefined;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return undefined;
  return { params: { N, r, p }, salt, key };
}

/** Returns true when `password` matches the stored hash; false for a mismatch or a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (parsed === undefined) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** Returns true when a stored hash was made with weaker parameters than `params`. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parsePasswordHash(stored);
  return parsed === undefined || parsed.params.N < params.N || parsed.params.r < params.r || parsed.params.p < params.p;
}
