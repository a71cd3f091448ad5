/**
 * Notices requests that came through a proxy Tidings does not trust: they carry
 * `X-Forwarded-For` (or `Forwarded`) while `trustProxy` is off. Tidings then sees every
 * client as the proxy's address, so every user shares one login limit and none can use
 * /setup; it says so once in the server's log and keeps a count for the health page
 * (docs/configuration.md, `trustProxy`). The headers are still ignored: a client could forge them.
 */
import type { MiddlewareHandler } from 'hono';
import type { Context } from '../../context.ts';
import { authStateFor } from './auth-state.ts';

/** Returns the middleware that counts forwarded requests while `trustProxy` is off and logs the first one through `log`. */
export function untrustedProxyWatch(ctx: Context, log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    if (
      !ctx.settings.trustProxy &&
      (c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined)
    ) {
      const state = authStateFor(ctx);
      const now = ctx.now();
      if (state.untrustedProxy === undefined) {
        state.untrustedProxy = { count: 0, firstAt: now, lastAt: now };
        log(untrustedProxyWarning());
      }
      state.untrustedProxy.count++;
      state.untrustedProxy.lastAt = now;
    }
    await next();
  };
}

/** Returns the warning the log and the health page give when forwarded requests arrive while `trustProxy` is off. */
export function untrustedProxyWarning(): string {
  return "requests arrive with X-Forwarded-For but trustProxy is off: every client then has the proxy's address, so all users share one login rate limit; set trustProxy (TIDINGS_TRUST_PROXY=1) when Tidings sits behind your own reverse proxy";
}
