// web/metrics/ owns operations metrics: the Prometheus registry, Tidings' metrics per Context,
// the HTTP latency middleware and GET /metrics. It imports context types, ingest types and web/auth; never pages or api.
export { createMetricsRegistry, LATENCY_BUCKETS } from './metrics-registry.ts';
export type { Counter, Gauge, Histogram, Labels, MetricsRegistry } from './metrics-registry.ts';
export { metricsFor, observeSearch, httpMetrics, routePatternOf } from './tidings-metrics.ts';
export type { TidingsMetrics } from './tidings-metrics.ts';
export { metricsPage, feedState } from './metrics-page.ts';
export type { FeedState } from './metrics-page.ts';
