import { describe, expect, it } from 'vitest';
import type { RoundName, RoundResult } from './measure-rounds.ts';
import { computeRatios, describeStartupShare, formatReport, summarizeRounds } from './report.ts';

const http = { requests: 0, ok: 10, notModified: 0, other: 0, bytesSent: 0, withEtag: 0, withDate: 0 };

/** Returns a round result with the given tool, round, run and wall time. */
function result(
  tool: string,
  round: RoundName,
  run: number,
  wallMs: number,
  newArticles = 0,
  expectedNew = 0,
): RoundResult {
  return { tool, run, round, wallMs, peakRssKib: 100_000, newArticles, expectedNew, http, exitCode: 0 };
}

describe('summarizeRounds', () => {
  it('takes the median wall time over runs and fails a round when any run stored the wrong count', () => {
    const summaries = summarizeRounds(
      [
        result('tidings', 'cold', 1, 1000, 500, 500),
        result('tidings', 'cold', 2, 3000, 500, 500),
        result('tidings', 'cold', 3, 2000, 499, 500),
      ].map((r) => (r.newArticles === r.expectedNew ? r : { ...r, problem: 'stored 499' })),
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0].wallMs).toBe(2000);
    expect(summaries[0].articlesPerSecond).toBe(250);
    expect(summaries[0].ok).toBe(false);
    expect(summaries[0].problems).toEqual(['run 3: stored 499']);
  });
});

describe('computeRatios', () => {
  it('divides Tidings by newsboat per round, judging cold and warm against their targets', () => {
    const summaries = summarizeRounds([
      result('tidings', 'cold', 1, 2000),
      result('tidings', 'warm', 1, 300),
      result('tidings', 'churn', 1, 500),
      result('newsboat', 'cold', 1, 10_000),
      result('newsboat', 'second', 1, 12_000),
      result('newsboat', 'warm', 1, 6000),
      result('newsboat', 'churn', 1, 5000),
    ]);
    const ratios = computeRatios(summaries);
    expect(ratios.map((r) => [r.round, r.against, r.ratio, r.met])).toEqual([
      ['cold', 'cold', 0.2, true],
      ['warm', 'warm', 0.05, false],
      ['warm', 'second', 0.025, undefined],
      ['churn', 'churn', 0.1, undefined],
    ]);
    expect(formatReport(summaries, ratios)).toContain('tidings / newsboat, warm: 0.050  (target ≤ 0.02: not met ✗)');
  });

  it('reports a ratio as not measured when Tidings did not run', () => {
    const ratios = computeRatios(summarizeRounds([result('newsboat', 'cold', 1, 10_000)]));
    expect(ratios[0].ratio).toBeUndefined();
    expect(formatReport([], ratios)).toContain('cold: –  (target ≤ 0.25: not measured)');
  });
});

describe('describeStartupShare', () => {
  it("splits newsboat's warm round into cache load and reload, and compares Tidings with the reload", () => {
    const summaries = summarizeRounds([
      result('tidings', 'warm', 1, 200),
      result('newsboat', 'warm', 1, 5000),
      result('newsboat', 'load', 1, 4000),
    ]);
    expect(describeStartupShare(summaries)).toBe(
      'newsboat warm 5.00 s = 4.00 s opening its cache (-x print-unread) + 1.00 s reloading; tidings warm / that: 0.200',
    );
    expect(describeStartupShare(summaries.filter((s) => s.round !== 'load'))).toBeUndefined();
    const noisy = summarizeRounds([result('newsboat', 'warm', 1, 5000), result('newsboat', 'load', 1, 5500)]);
    expect(describeStartupShare(noisy)).toBe(
      'newsboat warm 5.00 s, 5.50 s opening its cache (-x print-unread) alone: the reload itself is within the noise',
    );
  });
});
