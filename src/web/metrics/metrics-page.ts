/**
 * GET /metrics: the Prometheus scrape endpoint. Open to requests from this machine (a
 * Prometheus or node exporter next to Tidings; never through a proxy Tidings does not
 * trust) and to admins, by session or API token (`Authorization: Bearer`, either scope).
 * Store totals and feeds by state are read at scrape time; counters and histograms are
 * kept in memory since the process started.
 */
import type { Context as HonoContext } from 'hono';
import type { Context } from '../../context.ts';
import { AppError } from '../../domain/errors.ts';
import type { Feed } from '../../store/index.ts';
import { isLocalRequest } from '../auth/index.ts';
import { metricsFor } from './tidings-metrics.ts';
import { archiveJobsFor } from '../../ingest/index.ts';

/** The states feeds are counted in. */
export type FeedState = 'new' | 'ok' | 'erroring' | 'rate-limited';

/** Returns the state a feed is in: never fetched, fine, failing, or asked by its server to wait. */
export function feedState(feed: Feed): FeedState {
  if (feed.lastFetchedAt === undefined) return 'new';
  if (feed.lastError === undefined || feed.errorCount === 0) return 'ok';
  return feed.lastError.code === 'fetch.rate-limited' ? 'rate-limited' : 'erroring';
}

function checkAccess(c: HonoContext, ctx: Context): void {
  if (isLocalRequest(c, ctx.settings.trustProxy)) return;
  const user = c.get('auth')?.user;
  if (user === undefined) throw new AppError('auth.unauthenticated', 'metrics are for this machine or an admin');
  if (!user.admin) throw new AppError('auth.forbidden', 'only an admin may read the metrics');
}

/** Returns the metrics in the Prometheus text format 0.0.4. */
export async function metricsPage(c: HonoContext, ctx: Context): Promise<Response> {
  checkAccess(c, ctx);
  const metrics = metricsFor(ctx);
  const [counts, feeds] = await Promise.all([ctx.store.counts(), ctx.store.listFeeds()]);
  const states: Record<FeedState, number> = { new: 0, ok: 0, erroring: 0, 'rate-limited': 0 };
  for (const feed of feeds) states[feedState(feed)] += 1;
  metrics.feeds.reset();
  for (const [state, count] of Object.entries(states)) metrics.feeds.set(count, { state });
  metrics.articles.set(counts.articles);
  metrics.revisions.set(counts.revisions);
  metrics.pendingArchive.set(counts.pendingArchive);
  for (const gauge of [metrics.mirrorUnpushed, metrics.mirrorFailures, metrics.mirrorLastSuccess]) gauge.reset();
  for (const mirror of (await archiveJobsFor(ctx)?.pusher.statuses()) ?? []) {
    const labels = { remote: mirror.name };
    metrics.mirrorUnpushed.set(mirror.unpushed, labels);
    metrics.mirrorFailures.set(mirror.failures, labels);
    metrics.mirrorLastSuccess.set(Math.floor((mirror.lastSuccessAt ?? 0) / 1000), labels);
  }
  return c.body(metrics.registry.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
}
