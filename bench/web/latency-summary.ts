/**
 * Latency figures from the per-request response times the benchmark records itself
 * (autocannon's own result has no p95): nearest-rank percentiles over the sorted samples.
 */

/** p50/p95/p99/max in milliseconds over `count` responses. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Returns the nearest-rank `p`-th percentile (0–100) of ascending `sorted`, or NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Returns the summary of `samples` (milliseconds, any order). */
export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
  };
}
