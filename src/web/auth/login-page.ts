/**
 * GET /login shows the login form; POST /login checks it (rate-limited, see
 * accounts/login-limiter.ts), sets the session cookie and redirects to `next` (a local
 * path only: no open redirect), or shows the form again with why (401, or 429 with
 * Retry-After). A session the browser already had is ended first, so a login never
 * continues someone else's session.
 */
import type { Context as HonoContext } from 'hono';
import { getCookie } from 'hono/cookie';
import { login, logout } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { html } from '../html.ts';
import { authPage, formError } from './auth-page.ts';
import { csrfField, csrfTokenFor } from './csrf.ts';
import { clientAddress } from './request-info.ts';
import { SESSION_COOKIE, setSessionCookie } from './session-middleware.ts';
import { authStateFor } from './auth-state.ts';

/** Returns `next` when it is a path on this site, else `/`. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f]/.test(next))
    return '/';
  return next;
}

async function renderLogin(
  c: HonoContext,
  ctx: Context,
  options: { name?: string; next?: string; error?: string },
  status: 200 | 401 | 429 = 200,
): Promise<Response> {
  const noUsers = (await ctx.store.countUsers()) === 0;
  const body = html`${formError(options.error)}
${noUsers ? html`<p class="hint">There are no users yet. Create the first admin with <code>tidings user add NAME --admin</code>, or open <a href="/setup">/setup</a> in a browser on the server itself.</p>` : ''}
<form method="post" action="/login">
${csrfField(csrfTokenFor(c, ctx))}
<input type="hidden" name="next" value="${safeNextPath(options.next)}">
<p><label>Name <input name="name" autocomplete="username" required autofocus value="${options.name ?? ''}"></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit" class="primary">Log in</button></p>
</form>`;
  return c.html(authPage('Log in', body), status);
}

/** GET /login: the form, or a redirect home when already logged in. */
export async function loginPage(c: HonoContext, ctx: Context): Promise<Response> {
  const next = c.req.query('next');
  if (c.get('auth')?.via === 'session') return c.redirect(safeNextPath(next), 303);
  return renderLogin(c, ctx, { next });
}

/** POST /login: logs in and redirects, or shows the form again with the reason. */
export async function loginSubmit(c: HonoContext, ctx: Context): Promise<Response> {
  const form = await c.req.parseBody();
  const name = typeof form.name === 'string' ? form.name : '';
  const password = typeof form.password === 'string' ? form.password : '';
  const next = typeof form.next === 'string' ? form.next : undefined;
  const ip = clientAddress(c, ctx.settings.trustProxy);
  const result = await login(ctx, authStateFor(ctx).limiter, name, password, {
    ip,
    userAgent: c.req.header('user-agent'),
  });
  if (result.kind === 'rate-limited') {
    const seconds = Math.ceil(result.retryAfterMs / 1000);
    c.header('Retry-After', String(seconds));
    return renderLogin(
      c,
      ctx,
      {
        name,
        next,
        error:
          result.scope === 'address'
            ? `Too many failed logins from this address. Only a correct password gets in for the next ${Math.ceil(seconds / 60)} min.`
            : `Too many failed logins. Try again in ${Math.ceil(seconds / 60)} min.`,
      },
      429,
    );
  }
  if (result.kind === 'invalid') return renderLogin(c, ctx, { name, next, error: 'Wrong name or password.' }, 401);
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous !== undefined) await logout(ctx, previous);
  setSessionCookie(c, ctx, result.token);
  return c.redirect(safeNextPath(next), 303);
}
