/**
 * `npm run bench:clean` — `tsx bench/clean/run.ts [--articles N] [--rounds N] [--seed N] [--baseline DIR]`:
 * the cleaning pipeline's time per article over a generated corpus (generate-articles.ts,
 * 2–5 KB, Chinese and English), in process, against the pieces it is made of measured in the
 * same run: sanitize-html alone (what cleaning cost before the pipeline), htmlparser2 parse
 * + serialize (the tree the steps use) and linkedom parse + innerHTML (the tree not chosen).
 * `--baseline DIR` adds the cleanHtml of another checkout (its `src/` and `rules/`, e.g. a
 * `git worktree` of an older commit), so a change is judged before and after in one run.
 * The runners take turns round by round, so a busy machine slows them alike; besides wall time
 * per article (median, p99, mean) each gets its CPU time per article, which a loaded machine
 * disturbs less. Prints the table, the load average, and the target check (median ≤ 0.5 ms);
 * the figures go to bench/.out/clean.json. Not a timed test: it prints, it never fails the build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { cleanHtml } from '../../src/clean/clean-html.ts';
import { parseFragment, renderNodes } from '../../src/clean/dom.ts';
import { loadShippedRulePacks } from '../../src/clean/load-rule-packs.ts';
import { sanitizeHtml } from '../../src/clean/sanitize-html.ts';
import { formatNumber, formatTable, median } from '../lib/format-table.ts';
import { type BenchArticle, generateArticles } from './generate-articles.ts';

const TARGET_MEDIAN_MS = 0.5;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

interface Runner {
  name: string;
  run: (a: BenchArticle) => unknown;
  times: number[];
  cpuMicros: number;
}

/** Runs every runner once over the corpus (warm-up), then `rounds` rounds, the runners taking turns each round. */
function measure(articles: BenchArticle[], rounds: number, runners: Runner[]): void {
  for (const runner of runners) for (const article of articles) runner.run(article);
  for (let r = 0; r < rounds; r++) {
    for (const runner of r % 2 === 0 ? runners : [...runners].reverse()) {
      const cpu = process.cpuUsage();
      for (const article of articles) {
        const start = performance.now();
        runner.run(article);
        runner.times.push(performance.now() - start);
      }
      const used = process.cpuUsage(cpu);
      runner.cpuMicros += used.user + used.system;
    }
  }
}

/** Returns the cleanHtml of the checkout at `dir` with that checkout's shipped packs. */
async function loadBaseline(dir: string): Promise<(a: BenchArticle) => unknown> {
  const at = (file: string) => pathToFileURL(path.resolve(dir, file)).href;
  const clean = await import(at('src/clean/clean-html.ts'));
  const packs = (await import(at('src/clean/load-rule-packs.ts'))).loadShippedRulePacks();
  return (a) => clean.cleanHtml(a.html, { feedUrl: a.feedUrl, itemUrl: a.itemUrl, packs });
}

const count = argument('articles', 480);
const rounds = argument('rounds', 5);
const baselineIndex = process.argv.indexOf('--baseline');
const baselineDir = baselineIndex === -1 ? undefined : process.argv[baselineIndex + 1];
const articles = generateArticles(count, argument('seed', 20241126));
const packs = loadShippedRulePacks();
const bytes = articles.map((a) => Buffer.byteLength(a.html));

const runners: Runner[] = [
  [
    'cleanHtml (tidings pipeline)',
    (a: BenchArticle) => cleanHtml(a.html, { feedUrl: a.feedUrl, itemUrl: a.itemUrl, packs }),
  ] as const,
  ...(baselineDir === undefined ? [] : [[`cleanHtml of ${baselineDir}`, await loadBaseline(baselineDir)] as const]),
  ['sanitize-html alone', (a: BenchArticle) => sanitizeHtml(a.html)] as const,
  ['htmlparser2 parse + serialize', (a: BenchArticle) => renderNodes(parseFragment(a.html))] as const,
  [
    'linkedom parse + innerHTML',
    (a: BenchArticle) => parseHTML(`<!doctype html><html><body>${a.html}</body></html>`).document.body.innerHTML,
  ] as const,
].map(([name, run]) => ({ name, run, times: [], cpuMicros: 0 }));
const loadBefore = loadavg();
measure(articles, rounds, runners);
const loadAfter = loadavg();
const results = runners.map(({ name, times, cpuMicros }) => ({
  name,
  medianMs: median(times),
  p99Ms: percentile(times, 0.99),
  meanMs: times.reduce((s, t) => s + t, 0) / times.length,
  cpuMs: cpuMicros / 1000 / times.length,
}));
const pipeline = results[0];
console.log(
  `${count} articles, ${formatNumber(median(bytes) / 1000, 1)} KB median (${formatNumber(Math.min(...bytes) / 1000, 1)}–${formatNumber(Math.max(...bytes) / 1000, 1)} KB), ` +
    `${articles.filter((a) => a.language === 'zh').length} Chinese; ${rounds} rounds after a warm-up, runners taking turns; Node ${process.version}\n`,
);
console.log(
  formatTable(
    ['', 'median ms', 'p99 ms', 'mean ms', 'CPU ms', '× pipeline (mean)'],
    results.map((r) => [
      r.name,
      formatNumber(r.medianMs, 3),
      formatNumber(r.p99Ms, 3),
      formatNumber(r.meanMs, 3),
      formatNumber(r.cpuMs, 3),
      formatNumber(r.meanMs / pipeline.meanMs, 2),
    ]),
  ),
);
const load = `load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after`;
console.log(`\n${load} (figures are only comparable on an otherwise idle machine)`);
if (baselineDir !== undefined) {
  const baseline = results[1];
  console.log(
    `pipeline / baseline: mean ${formatNumber(pipeline.meanMs / baseline.meanMs, 3)}, median ${formatNumber(pipeline.medianMs / baseline.medianMs, 3)}, ` +
      `p99 ${formatNumber(pipeline.p99Ms / baseline.p99Ms, 3)}, CPU ${formatNumber(pipeline.cpuMs / baseline.cpuMs, 3)}`,
  );
}
const ok = pipeline.medianMs <= TARGET_MEDIAN_MS;
console.log(
  `target: median ≤ ${TARGET_MEDIAN_MS} ms per article → ${formatNumber(pipeline.medianMs, 3)} ms ${ok ? '✓' : '✗'}`,
);
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../.out/clean.json', import.meta.url),
  `${JSON.stringify({ count, rounds, node: process.version, baseline: baselineDir, loadBefore, loadAfter, results }, null, 2)}\n`,
);
