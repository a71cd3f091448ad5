/**
 * Who may read a republished feed. Feed readers cannot log in, so a feed URL carries a
 * token: `?token=` or the `/t/{token}/…` prefix. Decision: the token is an ordinary API token
 * of scope `read` (created in the UI or with `tidings token create NAME --user U --scope
 * read`), not a separate kind of secret: it is revocable one by one, shows its last use, and
 * can do nothing but read. A `read-write` token is refused in a URL (URLs end up in logs,
 * histories and shared OPML files), though it works in the Authorization header like a
 * session does. Nothing is public without a token.
 */
import type { Context as HonoContext } from 'hono';
import { resolveApiToken } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import type { User } from '../../store/index.ts';

/** Returns the user a feed request reads as; throws AppError `auth.unauthenticated` or `auth.forbidden`. */
export async function feedReader(c: HonoContext, ctx: Context): Promise<User> {
  const auth = c.get('auth');
  if (auth !== undefined) return auth.user;
  const token = c.req.param('token') ?? c.req.query('token');
  if (token === undefined || token === '')
    throw new AppError('auth.unauthenticated', 'a feed URL needs ?token= with a read API token');
  const found = await resolveApiToken(ctx, token);
  if (found === undefined) throw new AppError('auth.unauthenticated', 'the feed token is not valid');
  if (found.token.scope !== 'read')
    throw new AppError('auth.forbidden', 'put only read tokens in feed URLs; a read-write token must stay secret');
  return found.user;
}

/** Returns the URL the client asked for as it sees it (behind a trusted proxy: its scheme and host). */
export function publicRequestUrl(c: HonoContext, trustProxy: boolean): URL {
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
    if (host !== undefined && /^[\w.-]+(:\d+)?$/.test(host)) url.host = host;
  }
  return url;
}
