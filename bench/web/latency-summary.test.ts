import { describe, expect, it } from 'vitest';
import { percentile, summarizeLatencies } from './latency-summary.ts';

describe('summarizeLatencies', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarizeLatencies(samples)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('gives the only sample for every percentile of one, and NaN for none', () => {
    expect(summarizeLatencies([7])).toEqual({ count: 1, p50: 7, p95: 7, p99: 7, max: 7 });
    expect(percentile([], 99)).toBeNaN();
  });
});
