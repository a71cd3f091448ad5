/**
 * One `tidings fetch` round over six hostile servers and one healthy feed, with small
 * limits (2 s per fetch, 1 MiB per body): every hostile feed ends in its recorded error
 * within its limit, the healthy feed gets its articles, the round finishes in bounded
 * time and memory, and the process exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeXml, sampleItems, startFixtureServer, type FixtureServer } from '../fixture-server/index.ts';
import { canMeasureMemory, cliJson, requireBuild, runCli } from './run-cli.ts';
import { createTempDirs, type TempDirs } from './temp-dirs.ts';

let server: FixtureServer;
let dirs: TempDirs;

beforeAll(async () => {
  requireBuild();
  server = await startFixtureServer();
  dirs = await createTempDirs('hostile');
});

afterAll(async () => {
  await server?.close();
  await dirs?.cleanup();
});

const LIMITS = { TIDINGS_FETCH_TIMEOUT_MS: '2000', TIDINGS_MAX_BODY_BYTES: String(1024 * 1024) };
// Node's baseline is ~75–125 MiB; holding the 1 GiB body or the 200 MB bomb's output would blow far past this.
const MAX_RSS_KIB = 256 * 1024;

/** Fixture route → the error code its feed must end with. */
const HOSTILE: Array<[path: string, code: string]> = [
  ['/slow', 'fetch.timeout'],
  ['/huge', 'fetch.too-large'],
  ['/gzip-bomb', 'fetch.too-large'],
  ['/redirect/loop-a', 'fetch.too-many-redirects'],
  ['/redirect/private', 'fetch.private-address'],
  ['/page.html', 'parse.not-a-feed'],
];

function opmlFor(urls: string[]): string {
  const outlines = urls.map((url) => `    <outline type="rss" text="${escapeXml(url)}" xmlUrl="${escapeXml(url)}"/>`);
  return [
    '<?xml version="1.0"?>',
    '<opml version="2.0"><head><title>hostile</title></head><body>',
    ...outlines,
    '</body></opml>',
    '',
  ].join('\n');
}

interface FeedRow {
  url: string;
  errorCount: number;
  lastError?: { code: string; message: string };
  stats: { articleCount: number };
}

describe('a fetch round over hostile servers', () => {
  it("records each hostile feed's error within its limit while the healthy feed gets its articles", async () => {
    const data = await dirs.make('data');
    const healthy = server.url('/zh/feed.xml');
    const opml = join(dirs.path('data'), 'feeds.opml');
    await writeFile(opml, opmlFor([...HOSTILE.map(([path]) => server.url(path)), healthy]));
    const imported = await cliJson<{ items: Array<{ kind: string }> }>(data, ['import', 'opml', opml]);
    expect(imported.items.map((i) => i.kind)).toEqual(Array(HOSTILE.length + 1).fill('added'));

    const run = await runCli(data, ['fetch', '--json'], { env: LIMITS, measureMemory: true });
    expect(run.code, run.stderr).toBe(0);
    // Generous "does not hang" bound: the slowest hostile feed is cut off at 2 s.
    expect(run.ms).toBeLessThan(20_000);
    expect(JSON.parse(run.stdout)).toMatchObject({
      feeds: HOSTILE.length + 1,
      ok: 1,
      failed: HOSTILE.length,
      newArticles: 3,
    });
    if (canMeasureMemory()) expect(run.maxRssKib, 'peak RSS in KiB').toBeLessThan(MAX_RSS_KIB);

    const { feeds } = await cliJson<{ feeds: FeedRow[] }>(data, ['feeds']);
    const byUrl = new Map(feeds.map((f) => [f.url, f]));
    for (const [path, code] of HOSTILE) {
      expect(byUrl.get(server.url(path)), path).toMatchObject({
        errorCount: 1,
        lastError: { code },
        stats: { articleCount: 0 },
      });
    }
    expect(byUrl.get(healthy)).toMatchObject({ errorCount: 0, stats: { articleCount: 3 } });
    expect(byUrl.get(healthy)!.lastError).toBeUndefined();
    // The private-address refusal happened at the redirect: nothing ever reached 10.0.0.1, and the message names it.
    expect(byUrl.get(server.url('/redirect/private'))!.lastError!.message).toContain('10.0.0.1');

    const { articles } = await cliJson<{ articles: Array<{ title: string }> }>(data, ['list']);
    expect(articles.map((a) => a.title)).toEqual(sampleItems(3, { chinese: true }).map((item) => item.title));
  });
});
