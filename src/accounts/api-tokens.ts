/**
 * API tokens for scripts and apps: `tdg_` + 32 random bytes, shown once when created;
 * the store keeps only the hash. A `read` token may only read (the web layer lets it GET
 * only); `read-write` may do what its user may. A disabled user's tokens stop working.
 */
import { AppError } from '../domain/errors.ts';
import type { IngestContext } from '../ingest/index.ts';
import type { ApiToken, TokenScope, User } from '../store/index.ts';
import { API_TOKEN_PREFIX, hashSecret, newSecretToken } from './secret-token.ts';

/** The scopes a token may have. */
export const TOKEN_SCOPES: readonly TokenScope[] = ['read', 'read-write'];

/** A token's last-used time is written at most this often. */
export const TOKEN_TOUCH_MS = 60_000;

/** A new token: `token` is the secret to hand to the user now (it cannot be shown again). */
export interface CreatedApiToken {
  token: string;
  record: ApiToken;
}

/** A resolved token: whose it is and what it may do. */
export interface TokenAuth {
  token: ApiToken;
  user: User;
}

/** Returns true when `value` is a token scope. */
export function isTokenScope(value: unknown): value is TokenScope {
  return typeof value === 'string' && (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** Creates a token for the user; throws AppError `input.invalid` for an empty or long name or an unknown scope, `not-found` for no user. */
export async function createApiToken(
  ctx: IngestContext,
  userId: number,
  name: string,
  scope: TokenScope,
): Promise<CreatedApiToken> {
  const label = name.trim();
  if (label === '' || label.length > 100)
    throw new AppError('input.invalid', 'a token needs a name of 1–100 characters');
  if (!isTokenScope(scope)) throw new AppError('input.invalid', `the scope must be ${TOKEN_SCOPES.join(' or ')}`);
  if ((await ctx.store.getUser(userId)) === undefined) throw new AppError('not-found', `no user ${userId}`);
  const token = newSecretToken(API_TOKEN_PREFIX);
  const record = await ctx.store.createApiToken({
    userId,
    tokenHash: hashSecret(token),
    name: label,
    scope,
    at: ctx.now(),
  });
  return { token, record };
}

/** Returns the token's record and user, or undefined (unknown token, or its user disabled). */
export async function resolveApiToken(ctx: IngestContext, token: string): Promise<TokenAuth | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const found = await ctx.store.findApiToken(hashSecret(token));
  if (found === undefined || found.user.disabledAt !== undefined) return undefined;
  const now = ctx.now();
  if (found.token.lastUsedAt === undefined || now - found.token.lastUsedAt >= TOKEN_TOUCH_MS) {
    await ctx.store.touchApiToken(found.token.id, now);
    return { user: found.user, token: { ...found.token, lastUsedAt: now } };
  }
  return found;
}

/** Revokes a token (only the user's own when `userId` is given); false when there was none. */
export async function revokeApiToken(ctx: IngestContext, tokenId: number, userId?: number): Promise<boolean> {
  return ctx.store.deleteApiToken(tokenId, userId);
}
