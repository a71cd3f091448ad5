/**
 * What every reader page needs before it renders: the logged-in user (else AppError
 * `auth.unauthenticated`, which the app turns into a redirect to /login), the CSRF token
 * for its forms, the user's reader settings and unread counts (for the nav), and the
 * current path (forms send the user back to it).
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import type { UnreadCounts, User } from '../../store/index.ts';
import { csrfTokenFor, requireUser } from '../auth/index.ts';
import { loadReaderSettings, type ReaderSettings } from './reader-settings.ts';

/** The request's page state. */
export interface PageContext {
  c: HonoContext;
  ctx: Context;
  user: User;
  csrf: string;
  settings: ReaderSettings;
  unread: UnreadCounts;
  /** Path and query of this page, e.g. `/unread?feed=3`. */
  path: string;
}

/** Returns the page state; throws AppError `auth.unauthenticated` for an anonymous request. */
export async function loadPageContext(c: HonoContext, ctx: Context): Promise<PageContext> {
  const user = requireUser(c);
  const [settings, unread] = await Promise.all([
    loadReaderSettings(ctx.store, user.id),
    ctx.store.unreadCounts(user.id),
  ]);
  const url = new URL(c.req.url);
  return { c, ctx, user, csrf: csrfTokenFor(c, ctx), settings, unread, path: url.pathname + url.search };
}
