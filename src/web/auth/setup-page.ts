/**
 * GET/POST /setup: the first-run page that creates the first admin from a browser. It
 * exists only while there are no users, and only for requests from this machine
 * (loopback, and not relayed by a proxy Tidings does not trust): anyone who can reach a
 * fresh server over the network must not be able to claim it. After creating the admin
 * it logs them in. Otherwise: 403 `auth.forbidden`.
 */
import type { Context as HonoContext } from 'hono';
import { createUser, login } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import { html } from '../html.ts';
import { authPage, formError } from './auth-page.ts';
import { authStateFor } from './auth-state.ts';
import { csrfField, csrfTokenFor } from './csrf.ts';
import { clientAddress, isLocalRequest } from './request-info.ts';
import { setSessionCookie } from './session-middleware.ts';

async function checkSetupOpen(c: HonoContext, ctx: Context): Promise<void> {
  if (!isLocalRequest(c, ctx.settings.trustProxy))
    throw new AppError('auth.forbidden', 'the setup page only answers requests from the server itself');
  if ((await ctx.store.countUsers()) > 0)
    throw new AppError('auth.forbidden', 'setup is done: there are users already');
}

function renderSetup(
  c: HonoContext,
  ctx: Context,
  name: string,
  error?: string,
  status: 200 | 400 | 409 = 200,
): Response {
  const body = html`<p>Create the first admin of this Tidings.</p>
${formError(error)}
<form method="post" action="/setup">
${csrfField(csrfTokenFor(c, ctx))}
<p><label>Name <input name="name" autocomplete="username" required autofocus value="${name}"></label></p>
<p><label>Password <input name="password" type="password" autocomplete="new-password" minlength="8" required aria-describedby="password-hint"></label>
<span class="hint" id="password-hint">8 characters or more</span></p>
<p><label>Password again <input name="confirm" type="password" autocomplete="new-password" minlength="8" required></label></p>
<p><button type="submit" class="primary">Create admin</button></p>
</form>`;
  return c.html(authPage('Set up Tidings', body), status);
}

/** GET /setup. */
export async function setupPage(c: HonoContext, ctx: Context): Promise<Response> {
  await checkSetupOpen(c, ctx);
  return renderSetup(c, ctx, '');
}

/** POST /setup: creates the first admin and logs them in. */
export async function setupSubmit(c: HonoContext, ctx: Context): Promise<Response> {
  await checkSetupOpen(c, ctx);
  const form = await c.req.parseBody();
  const name = typeof form.name === 'string' ? form.name.trim() : '';
  const password = typeof form.password === 'string' ? form.password : '';
  if (password !== form.confirm) return renderSetup(c, ctx, name, 'The two passwords differ.', 400);
  try {
    await createUser(ctx, { name, password, admin: true });
  } catch (error) {
    if (isAppError(error) && error.code.startsWith('user.'))
      return renderSetup(c, ctx, name, error.message, error.code === 'user.exists' ? 409 : 400);
    throw error;
  }
  const result = await login(ctx, authStateFor(ctx).limiter, name, password, {
    ip: clientAddress(c, ctx.settings.trustProxy),
    userAgent: c.req.header('user-agent'),
  });
  if (result.kind === 'ok') setSessionCookie(c, ctx, result.token);
  return c.redirect('/', 303);
}
