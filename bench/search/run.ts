/**
 * `npm run bench:search`: the search benchmark. Builds a synthetic archive of `--articles`
 * (default 1,000,000) mixed Chinese and English articles through the real write path
 * (recordEntries: stored and indexed in one transaction), reports the build rate, database
 * and index size against the raw text, then times every query class (`--runs` rounds after one
 * warm-up round, queries interleaved) through `searchArticles`, the library function the CLI
 * and web reader use, snippets included. As a peer measured in the same run, plain FTS5
 * ranking (`ORDER BY bm25() LIMIT 20` over the same index) is timed on the very common queries.
 * Writes bench/.out/search.json; the database goes to bench/.corpus/ and is deleted unless --keep.
 *
 * Options: --articles N (default 1000000), --runs N (default 5), --seed N, --keep, --reindex
 * (also time `reindexSearch`, the index-only rebuild), --reuse (time the queries again on a
 * database kept by an earlier run, reporting that run's build figures, kept beside it).
 * The slowest queries are listed one by one (median CPU), to find which one holds a class back.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatNumber, formatTable } from '../lib/format-table.ts';
import { createPrng } from '../lib/prng.ts';
import { searchArticles } from '../../src/search/index.ts';
import { parseQuery } from '../../src/search/query/parse-query.ts';
import { planQuery } from '../../src/search/query/plan-query.ts';
import { openStore } from '../../src/store/index.ts';
import { ftsQuery } from '../../src/store/sqlite/fts-expression.ts';
import { buildArchive, type BuildResult } from './build-archive.ts';
import { buildQueryClasses } from './query-classes.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const articles = option('articles', 1_000_000);
const runs = option('runs', 5);
const seed = option('seed', 20261126);
const corpusDir = fileURLToPath(new URL('../.corpus/', import.meta.url));
const outDir = fileURLToPath(new URL('../.out/', import.meta.url));
const dbPath = `${corpusDir}search-${articles}.db`;
await mkdir(corpusDir, { recursive: true });
await mkdir(outDir, { recursive: true });
const reuse = argv.includes('--reuse') && (await stat(dbPath).catch(() => undefined)) !== undefined;
if (!reuse) for (const suffix of ['', '-wal', '-shm']) await rm(`${dbPath}${suffix}`, { force: true });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const log = (line: string) => console.log(line);

log(`${reuse ? 'reusing' : 'building'} ${articles.toLocaleString('en')} articles ${reuse ? 'in' : 'into'} ${dbPath}`);
const store = await openStore({ backend: 'sqlite', path: dbPath });
const buildPath = `${dbPath}.build.json`;
const build = reuse
  ? (
      JSON.parse(await readFile(buildPath, 'utf8').catch(() => readFile(`${outDir}search.json`, 'utf8'))) as {
        build: BuildResult;
      }
    ).build
  : await buildArchive(store, articles, seed, log);
if (!reuse) await writeFile(buildPath, `${JSON.stringify({ build })}\n`);
const rate = build.articles / (build.storeMs / 1000);
const cpuRate = build.articles / (build.storeCpuMs / 1000);
let reindexRate: number | undefined;
let reindexCpuRate: number | undefined;
if (argv.includes('--reindex')) {
  const cpu = process.cpuUsage();
  const result = await store.reindexSearch({ batchSize: 1000 });
  const used = process.cpuUsage(cpu);
  reindexRate = result.articles / (result.durationMs / 1000);
  reindexCpuRate = result.articles / ((used.user + used.system) / 1e6);
}

const raw = new BetterSqlite3(dbPath);
raw.pragma('wal_checkpoint(TRUNCATE)');
const indexBytes = raw.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'").pluck().get() as number;
const dbBytes = (await stat(dbPath)).size;
const counter = raw.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck();
const count = (query: string) => {
  const match = planQuery(parseQuery(query)).match;
  return match === undefined ? 0 : (counter.get(ftsQuery(match)) as number);
};
const classes = buildQueryClasses(createPrng(seed + 1), articles, count);
const now = Date.UTC(2026, 0, 1);

const latencies = new Map<string, number[]>(classes.map((c) => [c.name, []]));
const cpuTimes = new Map<string, number[]>(classes.map((c) => [c.name, []]));
const queryCpu = new Map<string, number[]>();
for (let round = 0; round <= runs; round++) {
  for (const queryClass of classes) {
    for (const query of queryClass.queries) {
      const cpu = process.cpuUsage();
      const began = performance.now();
      await searchArticles(store, query, { sort: queryClass.sort, limit: 20, now });
      const wall = performance.now() - began;
      const used = process.cpuUsage(cpu);
      if (round > 0) {
        latencies.get(queryClass.name)?.push(wall);
        cpuTimes.get(queryClass.name)?.push((used.user + used.system) / 1000);
        const key = `${queryClass.name}\t${query}`;
        queryCpu.set(key, [...(queryCpu.get(key) ?? []), (used.user + used.system) / 1000]);
      }
    }
  }
}

const peer = raw.prepare(
  'SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 1, 3, 1, 1, 1, 0) LIMIT 20',
);
const peerRows: string[][] = [];
const peerResults: Record<string, { plainBm25Ms: number; tidingsMs: number; matches: number }> = {};
for (const query of ['the', 'of', '中国', '的', '"of the"']) {
  const match = planQuery(parseQuery(query)).match;
  if (match === undefined) continue;
  const expression = ftsQuery(match);
  const times: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < 3; round++) {
    let began = performance.now();
    peer.all(expression);
    times.push(performance.now() - began);
    began = performance.now();
    await searchArticles(store, query, { limit: 20, now });
    ours.push(performance.now() - began);
  }
  const plain = Math.min(...times);
  const tidings = Math.min(...ours);
  const matches = count(query);
  peerResults[query] = { plainBm25Ms: plain, tidingsMs: tidings, matches };
  peerRows.push([
    query,
    matches.toLocaleString('en'),
    formatNumber(plain, 1),
    formatNumber(tidings, 1),
    `${formatNumber(plain / tidings, 0)}×`,
  ]);
}

const rows = classes.map((c) => {
  const sorted = [...(latencies.get(c.name) ?? [])].sort((a, b) => a - b);
  const cpuSorted = [...(cpuTimes.get(c.name) ?? [])].sort((a, b) => a - b);
  const counts = c.queries.map(count);
  return {
    name: c.name,
    queries: c.queries,
    sort: c.sort,
    matches: [Math.min(...counts), Math.max(...counts)],
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    cpuP50: percentile(cpuSorted, 50),
    cpuP95: percentile(cpuSorted, 95),
    cpuP99: percentile(cpuSorted, 99),
  };
});
raw.close();
await store.close();
const rawMb = build.rawBytes / 1e6;
log('');
log(
  `archive: ${build.articles.toLocaleString('en')} articles, raw text ${rawMb.toFixed(0)} MB (titles, bodies, authors, categories; UTF-8)`,
);
log(
  `build:   ${rate.toFixed(0)} articles/s stored (bodies, revisions) and indexed in one transaction per 100-entry document, ${cpuRate.toFixed(0)} per CPU-second${reindexRate === undefined ? ' (run with --reindex for the index build rate, target ≥ 5,000)' : `; index build (reindex) ${reindexRate.toFixed(0)} articles/s, ${(reindexCpuRate ?? 0).toFixed(0)} per CPU-second of both threads (target ≥ 5,000)`}`,
);
log(
  `size:    search index ${(indexBytes / 1e6).toFixed(0)} MB = ${(indexBytes / build.rawBytes).toFixed(2)} × raw text (target ≤ 1.5); whole database ${(dbBytes / 1e6).toFixed(0)} MB = ${(dbBytes / build.rawBytes).toFixed(2)} × (it also stores raw and cleaned bodies)`,
);
log('');
log(
  `latency: wall clock per searchArticles call (parse, plan, store, snippets), and the CPU time it used (what an idle machine would show when other processes compete for the cores; load average now ${os.loadavg()[0].toFixed(1)})`,
);
log(
  formatTable(
    ['query class', 'queries', 'matches (min–max)', 'p50 ms', 'p95 ms', 'p99 ms', 'cpu p50', 'cpu p95', 'cpu p99'],
    rows.map((r) => [
      r.name,
      String(r.queries.length),
      `${r.matches[0].toLocaleString('en')}–${r.matches[1].toLocaleString('en')}`,
      formatNumber(r.p50, 1),
      formatNumber(r.p95, 1),
      formatNumber(r.p99, 1),
      formatNumber(r.cpuP50, 1),
      formatNumber(r.cpuP95, 1),
      formatNumber(r.cpuP99, 1),
    ]),
  ),
);
log('');
log('very common terms, top 20 by relevance: plain FTS5 bm25 ranking vs Tidings (best of 3)');
log(formatTable(['query', 'matches', 'plain bm25 ms', 'tidings ms', 'speed-up'], peerRows));
const slowest = [...queryCpu]
  .map(([key, times]) => {
    const [name, query] = key.split('\t');
    return {
      name,
      query,
      cpuP50: percentile(
        [...times].sort((a, b) => a - b),
        50,
      ),
      cpuMax: Math.max(...times),
    };
  })
  .sort((a, b) => b.cpuP50 - a.cpuP50)
  .slice(0, 12);
log('');
log('slowest queries (CPU ms, median and worst of the timed rounds)');
log(
  formatTable(
    ['query', 'class', 'cpu p50', 'cpu max'],
    slowest.map((q) => [q.query, q.name, formatNumber(q.cpuP50, 1), formatNumber(q.cpuMax, 1)]),
  ),
);
const worst = Math.max(...rows.map((r) => r.p95));
log('');
log(
  `verdict: worst class p95 ${worst.toFixed(1)} ms wall, ${Math.max(...rows.map((r) => r.cpuP95)).toFixed(1)} ms CPU (target ≤ 30)`,
);
await writeFile(
  `${outDir}search.json`,
  `${JSON.stringify({ build, articles: build.articles, rawBytes: build.rawBytes, buildRate: rate, buildCpuRate: cpuRate, loadAverage: os.loadavg(), reindexRate, reindexCpuRate, indexBytes, dbBytes, classes: rows, slowest, peer: peerResults }, null, 2)}\n`,
);
if (!argv.includes('--keep'))
  for (const suffix of ['', '-wal', '-shm', '.build.json']) await rm(`${dbPath}${suffix}`, { force: true });
