import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from './metrics-registry.ts';

describe('createMetricsRegistry', () => {
  it('renders counters, gauges and cumulative histograms in the text format 0.0.4', () => {
    const registry = createMetricsRegistry();
    const fetches = registry.counter('x_fetches_total', 'Fetches.');
    const feeds = registry.gauge('x_feeds', 'Feeds.');
    const latency = registry.histogram('x_seconds', 'Latency.', [0.1, 1]);
    fetches.inc({ outcome: 'ok' });
    fetches.inc({ outcome: 'ok' }, 2);
    feeds.set(4, { state: 'ok' });
    latency.observe(0.05, { route: '/a' });
    latency.observe(0.5, { route: '/a' });
    latency.observe(3, { route: '/a' });
    expect(registry.render()).toBe(
      [
        '# HELP x_fetches_total Fetches.',
        '# TYPE x_fetches_total counter',
        'x_fetches_total{outcome="ok"} 3',
        '# HELP x_feeds Feeds.',
        '# TYPE x_feeds gauge',
        'x_feeds{state="ok"} 4',
        '# HELP x_seconds Latency.',
        '# TYPE x_seconds histogram',
        'x_seconds_bucket{route="/a",le="0.1"} 1',
        'x_seconds_bucket{route="/a",le="1"} 2',
        'x_seconds_bucket{route="/a",le="+Inf"} 3',
        'x_seconds_sum{route="/a"} 3.55',
        'x_seconds_count{route="/a"} 3',
        '',
      ].join('\n'),
    );
  });

  it('escapes label values and forgets gauge series on reset', () => {
    const registry = createMetricsRegistry();
    const gauge = registry.gauge('g', 'G.');
    gauge.set(1, { v: 'a"b\\c\nd' });
    expect(registry.render()).toContain('g{v="a\\"b\\\\c\\nd"} 1');
    gauge.reset();
    expect(registry.render()).not.toContain('g{');
  });
});
