/**
 * Tidings' own metrics, one set per Context (kept in a WeakMap, like the auth state, so the
 * routes table keeps its `(c, ctx)` shape): fetches by outcome and their durations (ingest
 * tells the context's refresh listeners; it never imports web), search latency (observed by
 * whoever runs a search: the API, the reader pages, republished saved searches), and HTTP
 * request latency by route pattern (`/api/v1/feeds/:id`, never the raw path, so the number
 * of series stays bounded).
 */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { IngestContext, RefreshOutcome } from '../../ingest/index.ts';
import {
  createMetricsRegistry,
  LATENCY_BUCKETS,
  type Counter,
  type Gauge,
  type Histogram,
  type MetricsRegistry,
} from './metrics-registry.ts';

/** The metrics of one Tidings process. */
export interface TidingsMetrics {
  registry: MetricsRegistry;
  fetches: Counter;
  fetchDuration: Histogram;
  fetchedArticles: Counter;
  searchDuration: Histogram;
  httpDuration: Histogram;
  feeds: Gauge;
  articles: Gauge;
  revisions: Gauge;
  pendingArchive: Gauge;
  mirrorUnpushed: Gauge;
  mirrorFailures: Gauge;
  mirrorLastSuccess: Gauge;
}

const all = new WeakMap<IngestContext, TidingsMetrics>();

function createTidingsMetrics(): TidingsMetrics {
  const registry = createMetricsRegistry();
  return {
    registry,
    fetches: registry.counter(
      'tidings_fetches_total',
      'Feed fetches by outcome (ok, not-modified, rate-limited, failed).',
    ),
    fetchDuration: registry.histogram(
      'tidings_fetch_duration_seconds',
      'Feed fetch duration by outcome.',
      LATENCY_BUCKETS,
    ),
    fetchedArticles: registry.counter(
      'tidings_fetched_entries_total',
      'Entries stored by fetches, by kind (new article, new revision).',
    ),
    searchDuration: registry.histogram('tidings_search_duration_seconds', 'Search latency.', LATENCY_BUCKETS),
    httpDuration: registry.histogram(
      'tidings_http_request_duration_seconds',
      'HTTP request latency by method, route pattern and status.',
      LATENCY_BUCKETS,
    ),
    feeds: registry.gauge('tidings_feeds', 'Subscribed feeds by state (new, ok, erroring, rate-limited).'),
    articles: registry.gauge('tidings_articles', 'Articles that are not deleted.'),
    revisions: registry.gauge('tidings_revisions', 'Stored revisions.'),
    pendingArchive: registry.gauge('tidings_archive_pending_revisions', 'Revisions waiting for their archive file.'),
    mirrorUnpushed: registry.gauge(
      'tidings_archive_mirror_unpushed_commits',
      'Commits of the archive repository a mirror has not received, by remote.',
    ),
    mirrorFailures: registry.gauge(
      'tidings_archive_mirror_failures',
      'Failed pushes in a row to a mirror (0 after a success), by remote.',
    ),
    mirrorLastSuccess: registry.gauge(
      'tidings_archive_mirror_last_success_timestamp_seconds',
      'When a push to a mirror last succeeded (Unix time; 0 = never), by remote.',
    ),
  };
}

/** Returns the context's metrics, created (and listening to its refreshes) on first use. */
export function metricsFor(ctx: IngestContext): TidingsMetrics {
  let metrics = all.get(ctx);
  if (metrics === undefined) {
    const created = createTidingsMetrics();
    ctx.refreshListeners?.add((outcome) => recordRefresh(created, outcome));
    all.set(ctx, created);
    metrics = created;
  }
  return metrics;
}

function recordRefresh(metrics: TidingsMetrics, outcome: RefreshOutcome): void {
  metrics.fetches.inc({ outcome: outcome.kind });
  metrics.fetchDuration.observe(outcome.durationMs / 1000, { outcome: outcome.kind });
  if (outcome.newArticles > 0) metrics.fetchedArticles.inc({ kind: 'article' }, outcome.newArticles);
  if (outcome.newRevisions > 0) metrics.fetchedArticles.inc({ kind: 'revision' }, outcome.newRevisions);
}

/** Records one search that took `ms` milliseconds. */
export function observeSearch(ctx: IngestContext, ms: number): void {
  metricsFor(ctx).searchDuration.observe(ms / 1000);
}

/** Returns the route pattern that answered the request, or `(unmatched)` when only middleware matched. */
export function routePatternOf(c: Parameters<MiddlewareHandler>[0]): string {
  const handlers = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  return handlers.at(-1)?.path ?? '(unmatched)';
}

/** Middleware recording each request's latency by method, route pattern and status. */
export function httpMetrics(ctx: IngestContext): MiddlewareHandler {
  const metrics = metricsFor(ctx);
  return async (c, next) => {
    const started = performance.now();
    await next();
    const labels = { method: c.req.method, route: routePatternOf(c), status: String(c.res.status) };
    metrics.httpDuration.observe((performance.now() - started) / 1000, labels);
  };
}
