/**
 * CSRF protection for every unsafe request (anything but GET, HEAD, OPTIONS):
 * - from a session: the session's synchronizer token (derived from the session, see
 *   accounts/sessions.ts) in the `_csrf` form field or the `X-CSRF-Token` header;
 * - with an API token: exempt (a browser cannot attach an Authorization header cross-site
 *   without CORS, which Tidings never grants, and the cookie is ignored on such requests);
 *   a `read` token may not make unsafe requests at all;
 * - anonymous forms (login, setup): a signed double submit, a random `tidings_csrf`
 *   cookie (HttpOnly, SameSite=Strict) and an HMAC of it under a per-process key in the form.
 * A browser's `Sec-Fetch-Site: cross-site` on a cookie or anonymous request is refused
 * outright. Anonymous requests with a body no other site can send without a CORS
 * preflight (JSON) pass: they carry no credentials, and the routes refuse them.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { checkSessionCsrfToken } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import { html, type SafeHtml } from '../html.ts';
import { authStateFor } from './auth-state.ts';
import { isSecureRequest } from './request-info.ts';
import { SESSION_COOKIE } from './session-middleware.ts';

/** The form field and header that carry the CSRF token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The cookie of the anonymous forms' double submit. */
export const ANONYMOUS_CSRF_COOKIE = 'tidings_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Returns the hidden form field carrying `token`. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}

/** Returns the CSRF token for the page being rendered: the session's, or for a logged-out form a signed one (setting its cookie). */
export function csrfTokenFor(c: HonoContext, ctx: Context): string {
  const auth = c.get('auth');
  if (auth?.via === 'session') return auth.csrfToken;
  let nonce = getCookie(c, ANONYMOUS_CSRF_COOKIE);
  if (nonce === undefined || !/^[\w-]{43}$/.test(nonce)) {
    nonce = randomBytes(32).toString('base64url');
    setCookie(c, ANONYMOUS_CSRF_COOKIE, nonce, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isSecureRequest(c, ctx.settings.trustProxy),
    });
  }
  return sign(authStateFor(ctx).csrfKey, nonce);
}

function sign(key: Buffer, nonce: string): string {
  return createHmac('sha256', key).update(nonce).digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

function contentType(c: HonoContext): string {
  return c.req.header('content-type')?.toLowerCase() ?? '';
}

// The bodies a page on another site can POST without a CORS preflight (Fetch standard, "CORS-safelisted request-header").
function isSimpleBody(c: HonoContext): boolean {
  const type = contentType(c);
  return type === '' || [...FORM_TYPES, 'text/plain'].some((t) => type.startsWith(t));
}

async function submittedToken(c: HonoContext): Promise<string> {
  const header = c.req.header(CSRF_HEADER);
  if (header !== undefined) return header;
  if (!FORM_TYPES.some((t) => contentType(c).startsWith(t))) return '';
  const body = await c.req.parseBody();
  const value = body[CSRF_FIELD];
  return typeof value === 'string' ? value : '';
}

/** Returns the middleware that refuses unsafe requests without a valid CSRF token (AppError `auth.csrf`) or from a read-only token (`auth.forbidden`). */
export function csrfProtection(ctx: Context): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const auth = c.get('auth');
    if (auth?.via === 'token') {
      if (auth.token.scope !== 'read-write') throw new AppError('auth.forbidden', 'this API token may only read');
      return next();
    }
    if (c.req.header('sec-fetch-site') === 'cross-site')
      throw new AppError('auth.csrf', 'cross-site requests are refused');
    if (auth?.via === 'session') {
      const cookie = getCookie(c, SESSION_COOKIE) ?? '';
      if (!checkSessionCsrfToken(cookie, await submittedToken(c)))
        throw new AppError(
          'auth.csrf',
          'the form has expired or did not come from Tidings; reload the page and try again',
        );
      return next();
    }
    if (!isSimpleBody(c)) return next();
    const nonce = getCookie(c, ANONYMOUS_CSRF_COOKIE);
    const token = await submittedToken(c);
    if (nonce === undefined || !same(sign(authStateFor(ctx).csrfKey, nonce), token)) {
      throw new AppError(
        'auth.csrf',
        'the form has expired or did not come from Tidings; reload the page and try again',
      );
    }
    return next();
  };
}
