/**
 * Who a request is from, as the auth middleware leaves it on the Hono context
 * (`c.get('auth')`, typed for every handler by augmenting Hono's ContextVariableMap), and
 * the per-process state auth needs beside the Context: the login rate limiter and the key
 * that signs the CSRF tokens of the logged-out forms. Kept per Context in a WeakMap so
 * the route handlers keep the routes table's `(c, ctx)` shape.
 */
import { randomBytes } from 'node:crypto';
import { createLoginLimiter, type LoginLimiter } from '../../accounts/index.ts';
import type { Context } from '../../context.ts';
import type { ApiToken, Session, User } from '../../store/index.ts';

/** A request authenticated by the session cookie (then every unsafe request needs `csrfToken`) or by an API token. */
export type Auth =
  | { via: 'session'; user: User; session: Session; csrfToken: string }
  | { via: 'token'; user: User; token: ApiToken };

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `sessionMiddleware`; undefined for an anonymous request. */
    auth: Auth | undefined;
  }
}

/** What the process saw of forwarded requests it does not trust (untrusted-proxy-watch.ts): how many, first and last time (epoch ms). */
export interface UntrustedProxyNotice {
  count: number;
  firstAt: number;
  lastAt: number;
}

/** The auth state of one server process; `untrustedProxy` is set once a forwarded request arrived while `trustProxy` is off. */
export interface AuthState {
  limiter: LoginLimiter;
  csrfKey: Buffer;
  untrustedProxy?: UntrustedProxyNotice;
}

const states = new WeakMap<Context, AuthState>();

/** Returns the auth state of the context's process, created on first use. */
export function authStateFor(ctx: Context): AuthState {
  let state = states.get(ctx);
  if (state === undefined) {
    state = { limiter: createLoginLimiter(), csrfKey: randomBytes(32) };
    states.set(ctx, state);
  }
  return state;
}
