/**
 * Logging in and out. A login checks the rate limit first, then the password (a name
 * that does not exist costs the same scrypt work against a dummy hash, so timing does not
 * tell which names exist), and answers `ok` with a new random session token, `invalid`
 * (wrong name, wrong password or a disabled user: never which), or `rate-limited` (a locked
 * name, or a wrong password from a locked address: login-limiter.ts).
 * Sessions expire after 30 days without use (sliding; the last-seen time is written at
 * most hourly). The CSRF token of a session is derived from its token, so it needs no
 * storage and dies with the session.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IngestContext } from '../ingest/index.ts';
import type { Session, User } from '../store/index.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
import { hashSecret, newSecretToken } from './secret-token.ts';

/** How long a session lives without being used. */
export const SESSION_TTL_MS = 30 * 24 * 3_600_000;

/** A session's last-seen time is written at most this often. */
export const SESSION_TOUCH_MS = 3_600_000;

/** Where a login comes from (kept on the session for the user's session list). */
export interface LoginMeta {
  ip?: string;
  userAgent?: string;
}

/** What a login gives: the token to put in the cookie, or why not (`rate-limited` names what is locked: this name from this address, or the address, where only a correct password gets in). */
export type LoginResult =
  | { kind: 'ok'; token: string; session: Session; user: User }
  | { kind: 'invalid' }
  | { kind: 'rate-limited'; retryAfterMs: number; scope: 'name' | 'address' };

/** A resolved session: who is logged in. */
export interface SessionAuth {
  session: Session;
  user: User;
}

// Made once per process, lazily: verifying against it costs what a real verification costs.
let dummyHash: Promise<string> | undefined;

/** Checks name and password under the rate limit and opens a session; never throws for bad credentials. */
export async function login(
  ctx: IngestContext,
  limiter: LoginLimiter,
  name: string,
  password: string,
  meta: LoginMeta = {},
): Promise<LoginResult> {
  const address = meta.ip ?? 'unknown';
  const gate = await limiter.check(name, address, ctx.now());
  if (gate.kind === 'locked') return { kind: 'rate-limited', retryAfterMs: gate.retryAfterMs, scope: 'name' };
  const credentials = name.trim() === '' ? undefined : await ctx.store.getUserCredentials(name);
  dummyHash ??= hashPassword('not a password of anyone');
  const matches = await verifyPassword(password, credentials?.passwordHash ?? (await dummyHash));
  if (credentials === undefined || !matches || credentials.user.disabledAt !== undefined) {
    await limiter.recordFailure(name, address, ctx.now());
    return gate.kind === 'correct-password-only'
      ? { kind: 'rate-limited', retryAfterMs: gate.retryAfterMs, scope: 'address' }
      : { kind: 'invalid' };
  }
  await limiter.recordSuccess(name, address);
  if (needsRehash(credentials.passwordHash)) {
    await ctx.store.updateUser(credentials.user.id, { passwordHash: await hashPassword(password) });
  }
  const now = ctx.now();
  await ctx.store.deleteExpiredSessions(now);
  const token = newSecretToken();
  const session = await ctx.store.createSession({
    id: hashSecret(token),
    userId: credentials.user.id,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    userAgent: meta.userAgent?.slice(0, 512),
    ip: meta.ip,
  });
  return { kind: 'ok', token, session, user: credentials.user };
}

/** Returns the live session of a cookie token and its user, or undefined (unknown, expired, or the user disabled). */
export async function resolveSession(ctx: IngestContext, token: string): Promise<SessionAuth | undefined> {
  if (token === '') return undefined;
  const found = await ctx.store.findSession(hashSecret(token));
  if (found === undefined) return undefined;
  const now = ctx.now();
  if (found.session.expiresAt <= now) {
    await ctx.store.deleteSession(found.session.id);
    return undefined;
  }
  if (found.user.disabledAt !== undefined) return undefined;
  if (now - found.session.lastSeenAt >= SESSION_TOUCH_MS) {
    const expiresAt = now + SESSION_TTL_MS;
    await ctx.store.touchSession(found.session.id, now, expiresAt);
    return { user: found.user, session: { ...found.session, lastSeenAt: now, expiresAt } };
  }
  return found;
}

/** Ends the session of a cookie token; false when there was none. */
export async function logout(ctx: IngestContext, token: string): Promise<boolean> {
  return token !== '' && ctx.store.deleteSession(hashSecret(token));
}

/** Ends every session of the user ("log out everywhere"); returns how many. API tokens are not touched. */
export async function logoutEverywhere(ctx: IngestContext, userId: number): Promise<number> {
  return ctx.store.deleteUserSessions(userId);
}

/** Returns the CSRF token of a session: a hash of its cookie token, so a page can show it without revealing the cookie. */
export function sessionCsrfToken(sessionToken: string): string {
  return createHash('sha256').update(`tidings-csrf\u0000${sessionToken}`).digest('base64url');
}

/** Returns true when `candidate` is the session's CSRF token (constant-time). */
export function checkSessionCsrfToken(sessionToken: string, candidate: string): boolean {
  const expected = Buffer.from(sessionCsrfToken(sessionToken));
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
