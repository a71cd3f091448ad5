/**
 * Authenticates every request and leaves the result in `c.get('auth')`. A request with
 * `Authorization: Bearer <token>` is judged by that API token alone (an invalid one is
 * 401; the session cookie is then ignored, which is what lets token requests skip CSRF
 * checks); otherwise the `tidings_session` cookie is resolved. A cookie that names no
 * live session is cleared. Anonymous requests pass through: routes decide what needs a user.
 */
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { resolveApiToken, resolveSession, SESSION_TTL_MS, sessionCsrfToken } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { isSecureRequest } from './request-info.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'tidings_session';

/** Returns the bearer token of the request, or undefined when it has no Authorization: Bearer header. */
export function bearerToken(c: HonoContext): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return match === null ? undefined : match[1];
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over TLS, for the session's lifetime. */
export function setSessionCookie(c: HonoContext, ctx: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecureRequest(c, ctx.settings.trustProxy),
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(c: HonoContext, ctx: Context): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureRequest(c, ctx.settings.trustProxy),
  });
}

/** Returns the middleware that authenticates requests by API token or session cookie. */
export function sessionMiddleware(ctx: Context): MiddlewareHandler {
  return async (c, next) => {
    c.set('auth', undefined);
    const bearer = bearerToken(c);
    if (bearer !== undefined) {
      const found = await resolveApiToken(ctx, bearer);
      if (found === undefined) throw new AppError('auth.unauthenticated', 'the API token is not valid');
      c.set('auth', { via: 'token', user: found.user, token: found.token });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie !== undefined) {
      const found = await resolveSession(ctx, cookie);
      if (found === undefined) clearSessionCookie(c, ctx);
      else
        c.set('auth', {
          via: 'session',
          user: found.user,
          session: found.session,
          csrfToken: sessionCsrfToken(cookie),
        });
    }
    return next();
  };
}
