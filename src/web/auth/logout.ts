/**
 * POST /logout ends this browser's session, or with the form field `everywhere=1` every
 * session of the user ("log out everywhere"; API tokens stay), clears the cookie and
 * redirects to /login. A POST (with the CSRF token, checked by csrfProtection) rather
 * than a link, so another site cannot log the user out.
 */
import type { Context as HonoContext } from 'hono';
import { getCookie } from 'hono/cookie';
import { logout as endSession, logoutEverywhere } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { clearSessionCookie, SESSION_COOKIE } from './session-middleware.ts';

/** POST /logout. */
export async function logoutSubmit(c: HonoContext, ctx: Context): Promise<Response> {
  const auth = c.get('auth');
  const form = await c.req.parseBody();
  const cookie = getCookie(c, SESSION_COOKIE);
  if (auth?.via === 'session' && form.everywhere === '1') await logoutEverywhere(ctx, auth.user.id);
  else if (cookie !== undefined) await endSession(ctx, cookie);
  clearSessionCookie(c, ctx);
  return c.redirect('/login', 303);
}
