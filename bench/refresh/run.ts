/**
 * `npm run bench:refresh`: the refresh benchmark. Starts the feed server (a child process),
 * then for each run and each tool (order alternating between runs) resets the server, gives
 * the tool a fresh store and times its refresh rounds: cold, warm and churn for Tidings; cold,
 * second reload, warm (third reload), cache load alone and churn for newsboat. Prints the table and the
 * Tidings / newsboat ratios, writes bench/.out/refresh.json.
 *
 * Options: --feeds N (default 1000), --items M (default 50), --runs R (default 1),
 * --threads T (parallel fetches for both tools, default 16), --seed S.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRssMethod, runTimed } from '../lib/run-timed.ts';
import { readNumberOption } from '../parse/generate-corpus.ts';
import { startFeedServer, type FeedServerHandle } from './feed-server-process.ts';
import { measureRounds, planRounds, type RoundResult, type RoundSpec, type ToolSession } from './measure-rounds.ts';
import {
  NEWSBOAT,
  countNewsboatArticles,
  findNewsboatProblem,
  newsboatCommand,
  prepareNewsboat,
  writeNewsboatConfig,
} from './newsboat-runner.ts';
import { computeRatios, formatReport, summarizeRounds } from './report.ts';
import {
  countTidingsArticles,
  describeTidingsEnv,
  fetchCommand,
  findTidingsProblem,
  prepareTidings,
} from './tidings-runner.ts';

/** One tool: why it cannot run (if so), its rounds, and how to set up a fresh session in `dir`. */
interface Tool {
  name: string;
  missing: string | undefined;
  rounds: RoundSpec[];
  start(dir: string, server: FeedServerHandle): Promise<ToolSession>;
}

const OUT_DIR = fileURLToPath(new URL('../.out/', import.meta.url));
const argv = process.argv.slice(2);
const options = {
  feeds: Math.round(readNumberOption(argv, 'feeds', 1000)),
  items: Math.round(readNumberOption(argv, 'items', 50)),
  runs: Math.round(readNumberOption(argv, 'runs', 1)),
  threads: Math.round(readNumberOption(argv, 'threads', 16)),
  seed: readNumberOption(argv, 'seed', 20240601),
};

const server = await startFeedServer(options);
const { info } = server;
const expectedCold = info.feeds * info.itemsPerFeed;
const churnNew = info.churnFeeds * info.churnItems;
const tidingsEnv = describeTidingsEnv(options.threads);
const newsboatConfig = writeNewsboatConfig(options.threads);
console.log(
  `feeds: ${info.feeds} × ${info.itemsPerFeed} items, ${(info.totalBytes / 1e6).toFixed(1)} MB uncompressed (no gzip for either tool), mix ${JSON.stringify(info.mix)}; churn: ${info.churnFeeds} feeds × ${info.churnItems} new items (generated in ${(info.generateMs / 1000).toFixed(1)} s)`,
);
console.log(
  `tidings: ${Object.entries(tidingsEnv)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`,
);
console.log(`newsboat: ${newsboatConfig.join('; ')}`);
console.log(
  `runs: ${options.runs}; peak RSS via ${describeRssMethod()}; ${os.cpus().length} CPUs, node ${process.version}`,
);

const tools: Tool[] = [
  {
    name: 'tidings',
    missing: findTidingsProblem(),
    rounds: planRounds(expectedCold, churnNew, false),
    start: async (dir, feedServer) => {
      const { profile, importCommand } = await prepareTidings(dir, feedServer.feedUrls, options.threads);
      const imported = await runTimed([importCommand], { kind: 'count' });
      if (imported.exitCode !== 0)
        throw new Error(`tidings import opml failed (${imported.exitCode}): ${imported.stderrTail.trim()}`);
      return { commandFor: () => fetchCommand(profile), countArticles: () => countTidingsArticles(profile) };
    },
  },
  {
    name: 'newsboat',
    missing: findNewsboatProblem(),
    rounds: planRounds(expectedCold, churnNew, true),
    start: async (dir, feedServer) => {
      const profile = await prepareNewsboat(dir, feedServer.feedUrls, options.threads);
      return {
        commandFor: (round) => newsboatCommand(profile, round === 'load' ? 'load' : 'reload'),
        countArticles: () => countNewsboatArticles(profile),
      };
    },
  },
];
for (const tool of tools.filter((t) => t.missing)) console.log(`skipped ${tool.name}: ${tool.missing}`);
const available = tools.filter((tool) => !tool.missing);
// Untimed: loads newsboat and its libraries into the page cache (Tidings' import does the same for node and dist/).
if (available.some((tool) => tool.name === 'newsboat')) execFileSync(NEWSBOAT, ['-v'], { stdio: 'ignore' });

const work = await mkdtemp(path.join(os.tmpdir(), 'bench-refresh-'));
const results: RoundResult[] = [];
const failures: string[] = [];
try {
  for (let run = 1; run <= options.runs; run++) {
    const order = run % 2 === 1 ? available : [...available].reverse();
    for (const tool of order) {
      await server.reset();
      const dir = path.join(work, `${tool.name}-${run}`);
      let session: ToolSession;
      const statsBefore = await server.stats();
      try {
        session = await tool.start(dir, server);
      } catch (error) {
        failures.push(`${tool.name}, run ${run}: ${(error as Error).message}`);
        console.log(`✗ ${failures.at(-1)}`);
        continue;
      }
      // Subscribing must not fetch, or the cold round would not start from an empty store.
      const setupRequests = (await server.stats()).requests - statsBefore.requests - 1;
      if (setupRequests > 0) failures.push(`${tool.name}, run ${run}: setting up made ${setupRequests} feed requests`);
      // Run folders are kept until the end: deleting 50,000 files slows the next minutes' file creation (see bench/README.md).
      results.push(...(await measureRounds(tool.name, run, session, tool.rounds, server)));
    }
  }
} finally {
  await server.stop();
  await rm(work, { recursive: true, force: true });
}

const summaries = summarizeRounds(results);
const ratios = computeRatios(summaries);
console.log(`\n${formatReport(summaries, ratios)}`);
for (const failure of failures) console.log(`✗ ${failure}`);

const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    rssMethod: describeRssMethod(),
  },
  options,
  feeds: { ...info, expectedCold, churnNew, gzip: false },
  settings: { tidings: tidingsEnv, newsboat: newsboatConfig },
  skipped: Object.fromEntries(tools.filter((t) => t.missing).map((t) => [t.name, t.missing])),
  failures,
  summaries,
  ratios,
  results,
};
await mkdir(OUT_DIR, { recursive: true });
await writeFile(path.join(OUT_DIR, 'refresh.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nreport: ${path.relative(process.cwd(), path.join(OUT_DIR, 'refresh.json'))}`);
