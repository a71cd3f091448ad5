/**
 * Turns the refresh benchmark's round results into its verdict and table: per tool and round,
 * the median wall time over runs, articles stored (checked against the expected count in
 * every run), articles/s, the server's 200/304 answers and the highest peak RSS; then the
 * ratios Tidings / newsboat for cold, warm and churn against the issue's targets (cold ≤ 0.25,
 * warm ≤ 0.02; churn has none). Newsboat's warm is its third reload, since it keeps validators
 * only from its second fetch; its second reload is shown beside it, and its warm round is split
 * into opening its cache and reloading, since the first grows with the cache.
 */
import { formatNumber, formatTable, median } from '../lib/format-table.ts';
import type { RoundName, RoundResult } from './measure-rounds.ts';

/** One row of the table: a tool's round over all runs. */
export interface RoundSummary {
  tool: string;
  round: RoundName;
  runs: number;
  wallMs: number;
  articles: number;
  expected: number;
  ok: boolean;
  articlesPerSecond: number | undefined;
  http200: number;
  http304: number;
  peakRssMb: number | undefined;
  problems: string[];
}

/** A Tidings / newsboat ratio of median wall times, with its target when the issue sets one. */
export interface RoundRatio {
  round: RoundName;
  /** The newsboat round it is measured against. */
  against: RoundName;
  ratio: number | undefined;
  target: number | undefined;
  met: boolean | undefined;
}

/** The issue's targets: Tidings' wall time at most this share of newsboat's. */
export const TARGETS: Partial<Record<RoundName, number>> = { cold: 0.25, warm: 0.02 };

const ROUND_LABELS: Record<RoundName, string> = {
  cold: 'cold',
  second: '2nd reload',
  warm: 'warm',
  load: 'cache load',
  churn: 'churn',
};

/** Returns one summary per tool and round, in first-seen order. */
export function summarizeRounds(results: RoundResult[]): RoundSummary[] {
  const groups = new Map<string, RoundResult[]>();
  for (const result of results) {
    const key = `${result.tool}\u0000${result.round}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const wallMs = median(group.map((r) => r.wallMs));
    const rss = group.map((r) => r.peakRssKib).filter((kib): kib is number => kib !== undefined);
    return {
      tool: first.tool,
      round: first.round,
      runs: group.length,
      wallMs,
      articles: first.newArticles,
      expected: first.expectedNew,
      ok: group.every((r) => r.problem === undefined),
      articlesPerSecond: first.newArticles > 0 ? first.newArticles / (wallMs / 1000) : undefined,
      http200: first.http.ok,
      http304: first.http.notModified,
      peakRssMb: rss.length > 0 ? (Math.max(...rss) * 1024) / 1e6 : undefined,
      problems: group.flatMap((r) => (r.problem ? [`run ${r.run}: ${r.problem}`] : [])),
    };
  });
}

/** Returns the Tidings / newsboat ratios for cold, warm (also against the 2nd reload) and churn. */
export function computeRatios(summaries: RoundSummary[]): RoundRatio[] {
  const wall = (tool: string, round: RoundName): number | undefined =>
    summaries.find((s) => s.tool === tool && s.round === round)?.wallMs;
  const pairs: [RoundName, RoundName][] = [
    ['cold', 'cold'],
    ['warm', 'warm'],
    ['warm', 'second'],
    ['churn', 'churn'],
  ];
  return pairs.map(([round, against]) => {
    const ours = wall('tidings', round);
    const theirs = wall('newsboat', against);
    const ratio = ours !== undefined && theirs !== undefined && theirs > 0 ? ours / theirs : undefined;
    const target = round === against ? TARGETS[round] : undefined;
    return {
      round,
      against,
      ratio,
      target,
      met: ratio !== undefined && target !== undefined ? ratio <= target : undefined,
    };
  });
}

/**
 * Returns a line splitting newsboat's warm round into opening its cache (the `load` round)
 * and the reload itself, with Tidings' warm round against the latter; undefined without both.
 */
export function describeStartupShare(summaries: RoundSummary[]): string | undefined {
  const find = (tool: string, round: RoundName): number | undefined =>
    summaries.find((s) => s.tool === tool && s.round === round)?.wallMs;
  const warm = find('newsboat', 'warm');
  const load = find('newsboat', 'load');
  if (warm === undefined || load === undefined) return undefined;
  const head = `newsboat warm ${formatNumber(warm / 1000, 2)} s`;
  const opening = `${formatNumber(load / 1000, 2)} s opening its cache (-x print-unread)`;
  if (load >= warm) return `${head}, ${opening} alone: the reload itself is within the noise`;
  const reload = warm - load;
  const ours = find('tidings', 'warm');
  const ratio = ours === undefined ? '' : `; tidings warm / that: ${formatNumber(ours / reload, 3)}`;
  return `${head} = ${opening} + ${formatNumber(reload / 1000, 2)} s reloading${ratio}`;
}

/** Returns the report text: the table, then one line per ratio. */
export function formatReport(summaries: RoundSummary[], ratios: RoundRatio[]): string {
  const header = ['tool', 'round', 'wall s', 'articles stored', 'articles/s', 'HTTP 200/304', 'peak RSS MB'];
  const rows = summaries.map((s) => [
    s.tool,
    ROUND_LABELS[s.round],
    formatNumber(s.wallMs / 1000, 2),
    `${s.articles} ${s.ok ? '✓' : `✗ (expected ${s.expected})`}`,
    formatNumber(s.articlesPerSecond, 0),
    `${s.http200}/${s.http304}`,
    formatNumber(s.peakRssMb, 0),
  ]);
  const lines = ratios.map((r) => {
    const label =
      r.round === r.against ? ROUND_LABELS[r.round] : `${ROUND_LABELS[r.round]} vs newsboat ${ROUND_LABELS[r.against]}`;
    const verdict = r.met === undefined ? 'not measured' : r.met ? 'met ✓' : 'not met ✗';
    const target = r.target === undefined ? '' : `  (target ≤ ${r.target}: ${verdict})`;
    return `tidings / newsboat, ${label}: ${formatNumber(r.ratio, 3)}${target}`;
  });
  const problems = summaries.flatMap((s) => s.problems.map((p) => `✗ ${s.tool} ${ROUND_LABELS[s.round]}, ${p}`));
  const startup = describeStartupShare(summaries);
  return [
    formatTable(header, rows),
    '',
    ...lines,
    ...(startup ? [startup] : []),
    ...(problems.length > 0 ? ['', ...problems] : []),
  ].join('\n');
}
