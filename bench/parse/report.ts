/**
 * Turns the parse benchmark's measurements into the printed table, the verdict lines (Tidings
 * against sfeed and against the fastest JavaScript peer) and the JSON report.
 */
import { formatNumber, formatTable, median } from '../lib/format-table.ts';
import type { TimedResult } from '../lib/run-timed.ts';
import type { OutputCheck } from './check-output.ts';
import { TIDINGS_ONE_THREAD, type Runner } from './runners.ts';

/** One tool's figures over the corpus (medians over the timed runs). */
export interface ToolResult {
  name: string;
  jsPeer: boolean;
  skipped?: string;
  wallSeconds: number[];
  medianWallSeconds?: number;
  /** Median CPU time (user + system, children included) over the timed runs. */
  medianCpuSeconds?: number;
  mbPerSec?: number;
  itemsPerSec?: number;
  peakRssMb?: number;
  stdoutMb?: number;
  failedExit?: string;
  check?: OutputCheck;
}

/** The comparisons the target is stated in. */
export interface Verdict {
  sfeedHeadline?: { mode: string; ratio: number };
  sfeedOther?: { mode: string; ratio: number };
  /** Tidings on one thread (`--jobs 1`) over the same sfeed mode as the headline. */
  oneThread?: { ratio: number };
  fastestJsPeer?: { name: string; ratio: number };
}

/** Returns one tool's result from its verification check and its timed runs. */
export function summarizeTool(
  runner: Runner,
  corpusBytes: number,
  check: OutputCheck | undefined,
  runs: TimedResult[],
): ToolResult {
  if (runner.missing) return { name: runner.name, jsPeer: runner.jsPeer, skipped: runner.missing, wallSeconds: [] };
  const wallSeconds = runs.map((run) => run.wallMs / 1000);
  const wall = median(wallSeconds);
  const rss = runs.map((run) => run.peakRssKib).filter((kib): kib is number => kib !== undefined);
  const cpu = runs.map((run) => run.cpuMs).filter((ms): ms is number => ms !== undefined);
  const failed = runs.find((run) => run.exitCode !== 0);
  return {
    name: runner.name,
    jsPeer: runner.jsPeer,
    wallSeconds,
    medianWallSeconds: wall,
    medianCpuSeconds: cpu.length > 0 ? median(cpu) / 1000 : undefined,
    mbPerSec: corpusBytes / 1e6 / wall,
    itemsPerSec: check ? check.items / wall : undefined,
    peakRssMb: rss.length > 0 ? (Math.max(...rss) * 1024) / 1e6 : undefined,
    stdoutMb: runs.length > 0 ? runs[0].stdoutBytes / 1e6 : undefined,
    failedExit: failed ? `exit ${failed.exitCode}: ${failed.stderrTail.trim().split('\n').pop() ?? ''}` : undefined,
    check,
  };
}

/** Returns the speed ratio a/b, or undefined when either side was not measured. */
function ratio(a: ToolResult | undefined, b: ToolResult | undefined): number | undefined {
  return a?.mbPerSec && b?.mbPerSec ? a.mbPerSec / b.mbPerSec : undefined;
}

/** Returns the verdict: Tidings over the faster sfeed mode (the headline) and over the fastest JS peer. */
export function judge(results: ToolResult[]): Verdict {
  const tidings = results.find((r) => r.name === 'tidings' && r.mbPerSec);
  const oneThread = results.find((r) => r.name === TIDINGS_ONE_THREAD && r.mbPerSec);
  const sfeeds = results
    .filter((r) => r.name.startsWith('sfeed') && r.mbPerSec)
    .sort((a, b) => (b.mbPerSec ?? 0) - (a.mbPerSec ?? 0));
  const peers = results.filter((r) => r.jsPeer && r.mbPerSec).sort((a, b) => (b.mbPerSec ?? 0) - (a.mbPerSec ?? 0));
  if (!tidings) return {};
  const pair = (r: ToolResult | undefined): { mode: string; ratio: number } | undefined =>
    r ? { mode: r.name.replace(/^sfeed \((.*)\)$/, '$1'), ratio: ratio(tidings, r) ?? NaN } : undefined;
  return {
    sfeedHeadline: pair(sfeeds[0]),
    sfeedOther: pair(sfeeds[1]),
    oneThread: oneThread && sfeeds[0] ? { ratio: ratio(oneThread, sfeeds[0]) ?? NaN } : undefined,
    fastestJsPeer: peers[0] ? { name: peers[0].name, ratio: ratio(tidings, peers[0]) ?? NaN } : undefined,
  };
}

/** Returns the printed report: table, skipped tools, correctness problems, verdict lines. */
export function formatReport(results: ToolResult[], verdict: Verdict, expectedItems: number): string {
  const find = (name: string): ToolResult | undefined => results.find((r) => r.name === name);
  const [tidings, perFile, concat] = [find('tidings'), find('sfeed (per file)'), find('sfeed (concatenated)')];
  const measured = results.filter((r) => !r.skipped);
  const rows = measured.map((r) => [
    r.name,
    formatNumber(r.mbPerSec, 1),
    formatNumber(r.itemsPerSec, 0),
    formatNumber(r.medianWallSeconds, 2),
    formatNumber(r.medianCpuSeconds, 2),
    formatNumber(r.peakRssMb, 0),
    r.check ? `${r.check.items} ${r.check.ok ? '✓' : '✗'}` : '–',
    formatNumber(ratio(r, perFile), 2),
    formatNumber(ratio(r, concat), 2),
    formatNumber(ratio(r, tidings), 2),
  ]);
  const header = [
    'tool',
    'MB/s',
    'items/s',
    'wall s',
    'CPU s',
    'peak RSS MB',
    `items (of ${expectedItems})`,
    '× sfeed/file',
    '× sfeed/concat',
    '× tidings',
  ];
  const lines = [formatTable(header, rows), ''];
  for (const r of results) {
    if (r.skipped) lines.push(`skipped ${r.name}: ${r.skipped}`);
    if (r.failedExit) lines.push(`✗ ${r.name} failed: ${r.failedExit}`);
    for (const problem of r.check?.problems ?? []) lines.push(`✗ ${r.name}: ${problem}`);
  }
  if (verdict.sfeedHeadline) {
    const other = verdict.sfeedOther
      ? `; vs sfeed ${verdict.sfeedOther.mode}: ${formatNumber(verdict.sfeedOther.ratio, 2)}`
      : '';
    lines.push(
      `tidings / sfeed = ${formatNumber(verdict.sfeedHeadline.ratio, 2)} (target ≥ 0.5; headline: sfeed ${verdict.sfeedHeadline.mode}, the faster mode${other})`,
    );
  }
  if (verdict.oneThread)
    lines.push(`tidings --jobs 1 / sfeed = ${formatNumber(verdict.oneThread.ratio, 2)} (one thread, same sfeed mode)`);
  if (verdict.fastestJsPeer)
    lines.push(
      `tidings vs fastest JS peer = ${formatNumber(verdict.fastestJsPeer.ratio, 1)}× (${verdict.fastestJsPeer.name})`,
    );
  if (!tidings || tidings.skipped) lines.push('no verdict: tidings was not measured');
  return lines.join('\n');
}
