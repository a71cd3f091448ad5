/**
 * GET /healthz: liveness for monitors and scripts, as JSON: ok, the store's counts and
 * the version. A store that cannot answer makes it 503 with ok false.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../context.ts';

/** Returns the health JSON. */
export async function healthz(c: HonoContext, ctx: Context): Promise<Response> {
  try {
    const counts = await ctx.store.counts();
    return c.json({ ok: true, version: ctx.version, counts });
  } catch (error) {
    return c.json({ ok: false, version: ctx.version, error: error instanceof Error ? error.message : String(error) }, 503);
  }
}
