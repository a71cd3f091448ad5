/**
 * GET /healthz: liveness for monitors and scripts, as JSON: ok, the store's counts and
 * the version. A store that cannot answer makes it 503 with ok false. The counts are kept
 * for a few seconds per process: counting every article and revision takes milliseconds that
 * grow with the archive (bench/README.md, "`/healthz` counts"), and a monitor polling every
 * second (or several) must not cost that each time. Concurrent requests share one count; a failed count is not kept.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../context.ts';
import type { StoreCounts } from '../store/index.ts';

/** How long /healthz reuses the store's counts. */
export const HEALTHZ_COUNTS_TTL_MS = 5_000;

const cached = new WeakMap<Context, { at: number; counts: Promise<StoreCounts> }>();

function countsFor(ctx: Context): Promise<StoreCounts> {
  const now = ctx.now();
  const hit = cached.get(ctx);
  if (hit !== undefined && now - hit.at < HEALTHZ_COUNTS_TTL_MS && now >= hit.at) return hit.counts;
  const counts = ctx.store.counts();
  cached.set(ctx, { at: now, counts });
  counts.catch(() => {
    if (cached.get(ctx)?.counts === counts) cached.delete(ctx);
  });
  return counts;
}

/** Returns the health JSON. */
export async function healthz(c: HonoContext, ctx: Context): Promise<Response> {
  try {
    const counts = await countsFor(ctx);
    return c.json({ ok: true, version: ctx.version, counts });
  } catch (error) {
    return c.json(
      { ok: false, version: ctx.version, error: error instanceof Error ? error.message : String(error) },
      503,
    );
  }
}
