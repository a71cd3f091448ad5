/**
 * `npm run bench:web`: the web reader under a steady load. Builds an archive of `--articles`
 * (default 100,000) mixed Chinese and English articles in this process through the Store API,
 * with a reader user following every feed; starts `tidings serve` as a child process; logs in
 * through the login form; then holds each endpoint at `--rate` requests/s (default 200, an
 * open-loop schedule run by a load process of its own: load-endpoint.ts) for `--seconds`
 * (default 10) after a short warm-up: the unread timeline, article pages (2,000 different
 * articles, each opened marks it read, as in use), and search pages for Chinese and for English
 * queries. Reports p50/p95/p99 latency, errors and the server's CPU per request against the
 * target p99 ≤ 20 ms. Writes bench/.out/web.json.
 *
 * Options: --articles N, --rate N, --seconds N, --warmup N (default 2), --seed N, --reuse (keep
 * the archive of an earlier run with the same --articles in bench/.corpus/web-N/), --poisson
 * (random arrivals instead of evenly spaced ones), --autocannon (also load every endpoint with
 * autocannon's overallRate, the earlier harness, and print both), --profile DIR (the server
 * writes a V8 CPU profile there when it stops).
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatNumber, formatTable } from '../lib/format-table.ts';
import { createPrng } from '../lib/prng.ts';
import { BENCH_USER, buildWebArchive } from './build-web-archive.ts';
import { loadEndpoint, type Endpoint, type EndpointResult } from './load-endpoint.ts';
import { loginCookie, startReaderProcess } from './reader-process.ts';

const TARGET_P99_MS = 20;
const CHINESE_QUERIES = [
  '经济',
  '发展',
  '市场',
  '政府',
  '中国',
  '科技',
  '我们',
  '北京',
  '社会',
  '中国 经济',
  '人民币',
  '互联网',
];
const ENGLISH_QUERIES = [
  'police',
  'president',
  'election',
  'economy',
  'climate',
  'government',
  'the',
  'court',
  'energy',
  'vaccine',
  'inflation',
  'china market',
];

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const articles = option('articles', 100_000);
const rate = option('rate', 200);
const seconds = option('seconds', 10);
const warmupSeconds = option('warmup', 2);
const seed = option('seed', 20261126);
const profileAt = argv.indexOf('--profile');
const profileDir = profileAt >= 0 ? argv[profileAt + 1] : undefined;
const arrivals = argv.includes('--poisson') ? 'poisson' : 'uniform';
const tools: Array<'open-loop' | 'autocannon'> = argv.includes('--autocannon')
  ? ['open-loop', 'autocannon']
  : ['open-loop'];
const root = fileURLToPath(new URL('../../', import.meta.url));
const data = fileURLToPath(new URL(`../.corpus/web-${articles}/`, import.meta.url));
const outDir = fileURLToPath(new URL('../.out/', import.meta.url));
const log = (line: string) => console.log(line);
const loadBefore = os.loadavg();

/** Fetches each endpoint's pages once and checks they are what the load will time (not a login page or an error). */
async function checkEndpoints(base: string, cookie: string, endpoints: Endpoint[]): Promise<void> {
  const expectations: Record<string, RegExp> = {
    'unread timeline': /data-testid="article-item"/,
    'article page': /data-testid="article-title"/,
    'search, Chinese': /data-testid="search-results"><li/,
    'search, English': /data-testid="search-results"><li/,
  };
  for (const endpoint of endpoints) {
    for (const path of endpoint.paths.slice(0, 12)) {
      const response = await fetch(new URL(path, base), { headers: { cookie }, redirect: 'manual' });
      const body = await response.text();
      if (response.status !== 200 || !expectations[endpoint.name].test(body))
        throw new Error(`${path}: HTTP ${response.status}, not the page expected`);
    }
  }
  const unread = await fetch(new URL('/unread', base), { headers: { cookie } }).then((r) => r.text());
  log(
    `checked: /unread lists ${unread.split('data-testid="article-item"').length - 1} articles of ${/data-testid="unread-count">(\d+)/.exec(unread)?.[1]} unread`,
  );
}

const reuse = argv.includes('--reuse') && (await stat(`${data}tidings.db`).catch(() => undefined)) !== undefined;
let build: { articles: number; storeMs: number } | undefined;
if (reuse) log(`reusing the archive in ${data}`);
else {
  log(`building ${articles.toLocaleString('en')} articles into ${data}`);
  build = await buildWebArchive(root, data, articles, seed, log);
  log(
    `  built in ${(build.storeMs / 1000).toFixed(1)} s of store time (${Math.round(build.articles / (build.storeMs / 1000))} articles/s)`,
  );
}

const server = await startReaderProcess(
  root,
  data,
  profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir],
);
const results: EndpointResult[] = [];
try {
  const cookie = await loginCookie(server.base, BENCH_USER.name, BENCH_USER.password);
  const prng = createPrng(seed + 7);
  const endpoints: Endpoint[] = [
    { name: 'unread timeline', paths: ['/unread'] },
    { name: 'article page', paths: Array.from({ length: 2000 }, () => `/articles/${prng.int(1, articles)}`) },
    { name: 'search, Chinese', paths: CHINESE_QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`) },
    { name: 'search, English', paths: ENGLISH_QUERIES.map((q) => `/search?q=${encodeURIComponent(q)}`) },
  ];
  await checkEndpoints(server.base, cookie, endpoints);
  for (const endpoint of endpoints) {
    for (const tool of tools) {
      log(
        `${endpoint.name}: ${rate} requests/s for ${seconds} s (after ${warmupSeconds} s of warm-up), ${tool === 'open-loop' ? `${arrivals} arrivals` : 'autocannon'}`,
      );
      results.push(
        await loadEndpoint(
          { base: server.base, cookie, rate, seconds, warmupSeconds, serverPid: server.pid, tool, arrivals, seed },
          endpoint,
        ),
      );
    }
  }
} finally {
  await server.stop();
}

const ms = (value: number) => formatNumber(value, value < 10 ? 2 : 1);
log('');
log(
  formatTable(
    [
      'endpoint',
      'load',
      'paths',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'late p99',
      'errors',
      'KB/resp',
      'server CPU ms/req',
      'load CPU ms/req',
      `p99 ≤ ${TARGET_P99_MS} ms`,
    ],
    results.map((r) => [
      r.name,
      r.tool === 'open-loop' ? arrivals : 'autocannon',
      String(r.paths),
      formatNumber(r.requestsPerSecond, 0),
      ms(r.latencyMs.p50),
      ms(r.latencyMs.p95),
      ms(r.latencyMs.p99),
      ms(r.latencyMs.max),
      r.lateStartP99Ms === undefined ? '–' : ms(r.lateStartP99Ms),
      String(r.errors + r.timeouts + r.non2xx),
      formatNumber(r.bytesPerResponse / 1000, 1),
      r.serverCpuMsPerRequest === undefined ? '–' : ms(r.serverCpuMsPerRequest),
      ms(r.loadCpuMsPerRequest),
      r.latencyMs.p99 <= TARGET_P99_MS ? '✓' : '✗',
    ]),
  ),
);
const loadAfter = os.loadavg();
log(
  `\nmachine: ${os.cpus().length} CPUs, load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`,
);
await mkdir(outDir, { recursive: true });
await writeFile(
  `${outDir}web.json`,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: { before: loadBefore, after: loadAfter },
      options: { articles, rate, seconds, warmupSeconds, seed, reuse, arrivals, tools },
      build,
      targetP99Ms: TARGET_P99_MS,
      queries: { chinese: CHINESE_QUERIES, english: ENGLISH_QUERIES },
      results,
    },
    null,
    2,
  )}\n`,
);
log(`wrote ${outDir}web.json`);
