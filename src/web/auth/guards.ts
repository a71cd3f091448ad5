/**
 * Access checks for handlers and route groups: who is asking (`currentUser`), a user
 * required (`requireUser`, AppError `auth.unauthenticated`, which the app turns into a
 * redirect to /login for pages and a 401 for the API), an admin required (`requireAdmin`,
 * `auth.forbidden`), and `apiAuth` for the JSON API under /api/.
 */
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { AppError } from '../../domain/errors.ts';
import type { User } from '../../store/index.ts';

/** Returns the authenticated user, or undefined for an anonymous request. */
export function currentUser(c: HonoContext): User | undefined {
  return c.get('auth')?.user;
}

/** Returns the authenticated user; throws AppError `auth.unauthenticated`. */
export function requireUser(c: HonoContext): User {
  const user = currentUser(c);
  if (user === undefined) throw new AppError('auth.unauthenticated', 'log in first');
  return user;
}

/** Returns the authenticated admin; throws AppError `auth.unauthenticated` or `auth.forbidden`. */
export function requireAdminUser(c: HonoContext): User {
  const user = requireUser(c);
  if (!user.admin) throw new AppError('auth.forbidden', 'only an admin may do this');
  return user;
}

/** Middleware: only admins pass. */
export const requireAdmin: MiddlewareHandler = async (c, next) => {
  requireAdminUser(c);
  await next();
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Middleware for the JSON API: a user is required (session or bearer token), and a `read` token may only GET. */
export const apiAuth: MiddlewareHandler = async (c, next) => {
  requireUser(c);
  const auth = c.get('auth');
  if (auth?.via === 'token' && auth.token.scope === 'read' && !SAFE_METHODS.has(c.req.method)) {
    throw new AppError('auth.forbidden', 'this API token may only read');
  }
  await next();
};
