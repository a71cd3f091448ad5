/**
 * `tsx bench/refresh/store-floor.ts [--feeds N] [--items M] [--seed S]` (npm run
 * bench:store-floor): how long the store alone needs for the writes of a cold refresh round,
 * the part of a round no other thread can share (SQLite has one writer). The feeds are those
 * of bench:refresh (same generator, same defaults), each prepared untimed exactly as a round's
 * worker prepares a feed's first document (parse, clean, fingerprint, search tokens:
 * prepareDocument), then recorded with `recordEntries`, one transaction per feed as a round
 * does; those calls are timed, and so is the preparation (which a round spreads over
 * worker threads, beside the writer). Then the same articles' search index is rebuilt
 * (`reindexSearch`) to show the index's share. The figures are printed against the cold
 * target, 0.25 × newsboat's cold round, when bench/.out/refresh.json holds one.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareDocument } from '../../src/ingest/refresh/prepare-document.ts';
import { openStore } from '../../src/store/index.ts';
import { formatNumber, formatTable } from '../lib/format-table.ts';
import { readNumberOption } from '../parse/generate-corpus.ts';
import { generateFeedSet } from './feed-set.ts';
import { TARGETS } from './report.ts';

const argv = process.argv.slice(2);
const options = {
  feeds: Math.round(readNumberOption(argv, 'feeds', 1000)),
  items: Math.round(readNumberOption(argv, 'items', 50)),
  seed: readNumberOption(argv, 'seed', 20240601),
};
const REFRESH_OUT = fileURLToPath(new URL('../.out/refresh.json', import.meta.url));

const set = generateFeedSet(options);
const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-store-floor-'));
const store = await openStore({ backend: 'sqlite', path: path.join(dir, 'tidings.db') });
try {
  const seenAt = Date.now();
  let articles = 0;
  let wallMs = 0;
  let cpuUs = 0;
  let prepareMs = 0;
  let prepareCpuUs = 0;
  for (const served of set.feeds) {
    const url = `http://127.0.0.1/feeds/${served.name}`;
    const added = await store.addFeed({ url, now: seenAt });
    if (added.kind !== 'added') throw new Error(`could not add ${url}: ${added.kind}`);
    const prepareCpu = process.cpuUsage();
    const prepareStarted = performance.now();
    const doc = prepareDocument(
      {
        body: served.before.bytes,
        url,
        headers: { 'content-type': served.contentType },
        feedUrl: url,
        learned: [],
        dropItemBodies: true,
        searchTokens: {},
      },
      undefined,
    );
    prepareMs += performance.now() - prepareStarted;
    const prepared = process.cpuUsage(prepareCpu);
    prepareCpuUs += prepared.user + prepared.system;
    if (doc.kind !== 'feed') throw new Error(`${served.name} is not a feed: ${doc.message}`);
    const entries = doc.prepared.map((p) => p.entry);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const outcomes = await store.recordEntries(added.feed.id, entries, seenAt);
    wallMs += performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuUs += used.user + used.system;
    articles += outcomes.filter((o) => o.kind === 'new').length;
  }
  const expected = options.feeds * options.items;
  if (articles !== expected) throw new Error(`stored ${articles} new articles, expected ${expected}`);
  const reindexCpu = process.cpuUsage();
  const reindexStarted = performance.now();
  await store.reindexSearch();
  const reindexMs = performance.now() - reindexStarted;
  const reindexUsed = process.cpuUsage(reindexCpu);

  const newsboatColdMs = await readNewsboatCold();
  const budgetMs = newsboatColdMs === undefined ? undefined : newsboatColdMs * TARGETS.cold!;
  const share = (ms: number) => (budgetMs === undefined ? '–' : `${formatNumber((ms / budgetMs) * 100, 0)} %`);
  console.log(
    `store floor of a cold round: ${options.feeds} feeds × ${options.items} items, ${formatNumber(articles, 0)} articles, one writer`,
  );
  console.log(
    formatTable(
      ['part', 'wall s', 'CPU s', 'µs per article', 'of the cold budget'],
      [
        [
          'prepareDocument (parse, clean, fingerprint, tokens)',
          formatNumber(prepareMs / 1000, 2),
          formatNumber(prepareCpuUs / 1e6, 2),
          formatNumber((prepareMs * 1000) / articles, 0),
          share(prepareMs),
        ],
        [
          'recordEntries (rows, revisions, search index)',
          formatNumber(wallMs / 1000, 2),
          formatNumber(cpuUs / 1e6, 2),
          formatNumber((wallMs * 1000) / articles, 0),
          share(wallMs),
        ],
        [
          'reindexSearch (index alone, tokens on 2 threads)',
          formatNumber(reindexMs / 1000, 2),
          formatNumber((reindexUsed.user + reindexUsed.system) / 1e6, 2),
          formatNumber((reindexMs * 1000) / articles, 0),
          share(reindexMs),
        ],
      ],
    ),
  );
  console.log(
    budgetMs === undefined
      ? 'no newsboat cold round of these feeds in bench/.out/refresh.json: run npm run bench:refresh with the same options, newsboat installed, for the budget'
      : `cold budget: ${TARGETS.cold} × newsboat's ${formatNumber(newsboatColdMs! / 1000, 1)} s = ${formatNumber(budgetMs / 1000, 2)} s (from bench/.out/refresh.json)`,
  );
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

async function readNewsboatCold(): Promise<number | undefined> {
  const saved = await readFile(REFRESH_OUT, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  if (typeof saved !== 'object' || saved === null || !('summaries' in saved) || !Array.isArray(saved.summaries))
    return undefined;
  // A budget is only one for the same feeds: another size, or another seed, has other articles.
  const measured = (saved as { options?: { feeds?: number; items?: number; seed?: number } }).options;
  if (measured?.feeds !== options.feeds || measured.items !== options.items || measured.seed !== options.seed)
    return undefined;
  const cold = (saved.summaries as Array<{ tool?: string; round?: string; wallMs?: number; ok?: boolean }>).find(
    (s) => s.tool === 'newsboat' && s.round === 'cold' && s.ok === true,
  );
  return cold?.wallMs;
}
