/**
 * A minimal Prometheus registry: counters, gauges and histograms with labels, rendered in
 * the text exposition format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/).
 * Written by hand rather than with prom-client: Tidings needs four metric kinds and one
 * renderer, about a hundred lines, and no default process collectors.
 */

/** Label values by label name. */
export type Labels = Readonly<Record<string, string>>;

/** A value that only goes up. */
export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

/** A value set at scrape time; `reset` forgets every label set (e.g. states no feed is in any more). */
export interface Gauge {
  set(value: number, labels?: Labels): void;
  reset(): void;
}

/** Observations counted into cumulative buckets, with their sum. */
export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

/** A set of metrics and their text rendering. */
export interface MetricsRegistry {
  counter(name: string, help: string): Counter;
  gauge(name: string, help: string): Gauge;
  histogram(name: string, help: string, buckets: readonly number[]): Histogram;
  /** Returns every metric in the text format 0.0.4. */
  render(): string;
}

/** Latency buckets in seconds, 5 ms to 30 s. */
export const LATENCY_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface Series {
  labels: Labels;
  value: number;
  buckets?: number[];
  sum?: number;
}
interface Metric {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  bounds?: readonly number[];
  series: Map<string, Series>;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (extra !== undefined) pairs.push(extra);
  return pairs.length === 0 ? '' : `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

function formatNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return Number.isNaN(value) ? 'NaN' : String(value);
}

function seriesOf(metric: Metric, labels: Labels): Series {
  const key = labelText(labels);
  let series = metric.series.get(key);
  if (series === undefined) {
    series = {
      labels: { ...labels },
      value: 0,
      ...(metric.bounds === undefined ? {} : { buckets: metric.bounds.map(() => 0), sum: 0 }),
    };
    metric.series.set(key, series);
  }
  return series;
}

function renderMetric(metric: Metric): string[] {
  const lines = [
    `# HELP ${metric.name} ${metric.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
    `# TYPE ${metric.name} ${metric.type}`,
  ];
  for (const series of metric.series.values()) {
    if (metric.bounds === undefined || series.buckets === undefined) {
      lines.push(`${metric.name}${labelText(series.labels)} ${formatNumber(series.value)}`);
      continue;
    }
    for (const [i, bound] of metric.bounds.entries()) {
      lines.push(
        `${metric.name}_bucket${labelText(series.labels, ['le', formatNumber(bound)])} ${series.buckets?.[i] ?? 0}`,
      );
    }
    lines.push(`${metric.name}_bucket${labelText(series.labels, ['le', '+Inf'])} ${series.value}`);
    lines.push(`${metric.name}_sum${labelText(series.labels)} ${formatNumber(series.sum ?? 0)}`);
    lines.push(`${metric.name}_count${labelText(series.labels)} ${series.value}`);
  }
  return lines;
}

/** Returns an empty registry. */
export function createMetricsRegistry(): MetricsRegistry {
  const metrics: Metric[] = [];
  const add = (name: string, help: string, type: Metric['type'], bounds?: readonly number[]): Metric => {
    const metric: Metric = {
      name,
      help,
      type,
      series: new Map(),
      ...(bounds === undefined ? {} : { bounds: [...bounds].sort((a, b) => a - b) }),
    };
    metrics.push(metric);
    return metric;
  };
  return {
    counter(name, help) {
      const metric = add(name, help, 'counter');
      return {
        inc: (labels = {}, by = 1) => {
          seriesOf(metric, labels).value += by;
        },
      };
    },
    gauge(name, help) {
      const metric = add(name, help, 'gauge');
      return {
        set: (value, labels = {}) => {
          seriesOf(metric, labels).value = value;
        },
        reset: () => metric.series.clear(),
      };
    },
    histogram(name, help, buckets) {
      const metric = add(name, help, 'histogram', buckets);
      return {
        observe(value, labels = {}) {
          const series = seriesOf(metric, labels);
          series.value += 1;
          series.sum = (series.sum ?? 0) + value;
          metric.bounds?.forEach((bound, i) => {
            if (value <= bound && series.buckets !== undefined) series.buckets[i] = (series.buckets[i] ?? 0) + 1;
          });
        },
      };
    },
    render: () => `${metrics.flatMap(renderMetric).join('\n')}\n`,
  };
}
