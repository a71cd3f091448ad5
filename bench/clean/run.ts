/**
 * `npm run bench:clean` — `tsx bench/clean/run.ts [--articles N] [--rounds N] [--seed N]`:
 * the cleaning pipeline's time per article over a generated corpus (generate-articles.ts,
 * 2–5 KB, Chinese and English), in process, against the pieces it is made of measured in the
 * same run: sanitize-html alone (what cleaning cost before the pipeline), htmlparser2 parse
 * + serialize (the tree the steps use) and linkedom parse + innerHTML (the tree not chosen).
 * Prints median and p99 per article and the target check (median ≤ 0.5 ms); the figures go
 * to bench/.out/clean.json. Not a timed test: it prints, it never fails the build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
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

/** Returns per-article times in ms of `run` over the corpus, `rounds` times, after one warm-up round. */
function measure(articles: BenchArticle[], rounds: number, run: (a: BenchArticle) => unknown): number[] {
  for (const article of articles) run(article);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const article of articles) {
      const start = performance.now();
      run(article);
      times.push(performance.now() - start);
    }
  }
  return times;
}

const count = argument('articles', 480);
const rounds = argument('rounds', 5);
const articles = generateArticles(count, argument('seed', 20241126));
const packs = loadShippedRulePacks();
const bytes = articles.map((a) => Buffer.byteLength(a.html));

const runners: Array<[string, (a: BenchArticle) => unknown]> = [
  ['cleanHtml (tidings pipeline)', (a) => cleanHtml(a.html, { feedUrl: a.feedUrl, itemUrl: a.itemUrl, packs })],
  ['sanitize-html alone', (a) => sanitizeHtml(a.html)],
  ['htmlparser2 parse + serialize', (a) => renderNodes(parseFragment(a.html))],
  ['linkedom parse + innerHTML', (a) => parseHTML(`<!doctype html><html><body>${a.html}</body></html>`).document.body.innerHTML],
];
const results = runners.map(([name, run]) => {
  const times = measure(articles, rounds, run);
  return { name, medianMs: median(times), p99Ms: percentile(times, 0.99), meanMs: times.reduce((s, t) => s + t, 0) / times.length };
});
const pipeline = results[0];
console.log(`${count} articles, ${formatNumber(median(bytes) / 1000, 1)} KB median (${formatNumber(Math.min(...bytes) / 1000, 1)}–${formatNumber(Math.max(...bytes) / 1000, 1)} KB), ` +
  `${articles.filter((a) => a.language === 'zh').length} Chinese; ${rounds} rounds after a warm-up; Node ${process.version}\n`);
console.log(formatTable(
  ['', 'median ms', 'p99 ms', 'mean ms', '× pipeline (median)'],
  results.map((r) => [r.name, formatNumber(r.medianMs, 3), formatNumber(r.p99Ms, 3), formatNumber(r.meanMs, 3), formatNumber(r.medianMs / pipeline.medianMs, 2)]),
));
const ok = pipeline.medianMs <= TARGET_MEDIAN_MS;
console.log(`\ntarget: median ≤ ${TARGET_MEDIAN_MS} ms per article → ${formatNumber(pipeline.medianMs, 3)} ms ${ok ? '✓' : '✗'}`);
mkdirSync(new URL('../.out/', import.meta.url), { recursive: true });
writeFileSync(new URL('../.out/clean.json', import.meta.url), `${JSON.stringify({ count, rounds, node: process.version, results }, null, 2)}\n`);
