/**
 * One feed through its whole life, each step a real `tidings` process against the local
 * fixture server: 200 → 304 → new items → an edited item (a revision) → 429 with
 * Retry-After → 301 → 500 → timeout. Asserted the way a user sees it (`list`, `show
 * --revisions`, `feeds --json`), on disk (the archive folder) and on the wire (the
 * server's request log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { feedFolderName } from '../../src/archive/index.ts';
import {
  createFixtureFeed,
  startFixtureServer,
  type FixtureFeed,
  type FixtureServer,
} from '../fixture-server/index.ts';
import { readFileTree } from './read-file-tree.ts';
import { cliJson, requireBuild, runCli } from './run-cli.ts';
import { createTempDirs, type TempDirs } from './temp-dirs.ts';

let server: FixtureServer;
let dirs: TempDirs;
let data: string;
let feed: FixtureFeed;

beforeAll(async () => {
  requireBuild();
  server = await startFixtureServer();
  dirs = await createTempDirs('lifecycle');
  data = await dirs.make('data');
  feed = createFixtureFeed({ itemCount: 3, title: 'Lifecycle feed' });
  server.setRoute('/life/feed.xml', { kind: 'feed', feed });
});

afterAll(async () => {
  await server?.close();
  await dirs?.cleanup();
});

const RETRY_AFTER_S = 3600;
const HOUR_MS = 3_600_000;

interface FeedRow {
  id: number;
  url: string;
  lastStatus?: number;
  errorCount: number;
  nextCheckAt: number;
  lastError?: { code: string; message: string };
  stats: { articleCount: number };
}
interface ArticleRow {
  id: number;
  guid: string;
  title: string;
  revisionCount: number;
}
interface RoundJson {
  feeds: number;
  skipped: number;
  results: Array<{
    kind: string;
    httpStatus?: number;
    newArticles: number;
    newRevisions: number;
    movedFrom?: string;
    error?: { code: string };
  }>;
}

const requestsTo = (path: string) => server.requests.filter((r) => r.path === path);
const onlyFeed = async (): Promise<FeedRow> => {
  const { feeds } = await cliJson<{ feeds: FeedRow[] }>(data, ['feeds']);
  expect(feeds).toHaveLength(1);
  return feeds[0];
};
const articles = async () => (await cliJson<{ articles: ArticleRow[] }>(data, ['list', '--limit', '100'])).articles;
const fetchRound = (...flags: string[]) => cliJson<RoundJson>(data, ['fetch', ...flags]);
const archiveFolder = (url: string) => join(data, 'archive', feedFolderName(url));

describe('a feed through 200, 304, new items, an edit, 429, 301, 500 and a timeout', () => {
  const url = () => server.url('/life/feed.xml');
  const movedUrl = () => server.url('/life/moved.xml');
  let revisedFiles: Map<string, Buffer>;

  it('200: `add` subscribes, stores the three items and writes one archive file each', async () => {
    const added = await cliJson(data, ['add', url()]);
    expect(added).toMatchObject({
      kind: 'added',
      feed: { url: url(), title: 'Lifecycle feed' },
      refresh: { kind: 'ok', httpStatus: 200, newArticles: 3 },
    });
    expect(requestsTo('/life/feed.xml')[0].headers).not.toHaveProperty('if-none-match');
    expect((await articles()).map((a) => a.title).sort()).toEqual(['Sample item 1', 'Sample item 2', 'Sample item 3']);
    const files = [...(await readFileTree(archiveFolder(url()))).keys()];
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(3);
    expect(files).toEqual(expect.arrayContaining(['feed.json', 'index.jsonl']));
    expect(await onlyFeed()).toMatchObject({ lastStatus: 200, errorCount: 0, stats: { articleCount: 3 } });
  });

  it('304: the second fetch is conditional (If-None-Match and If-Modified-Since) and changes nothing', async () => {
    const before = requestsTo('/life/feed.xml').length;
    const round = await fetchRound();
    expect(round.results).toMatchObject([{ kind: 'not-modified', httpStatus: 304, newArticles: 0 }]);
    const sent = requestsTo('/life/feed.xml');
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)!.headers).toMatchObject({ 'if-none-match': feed.etag, 'if-modified-since': feed.lastModified });
    expect(await articles()).toHaveLength(3);
  });

  it('new items: the next 200 adds exactly the two new articles', async () => {
    feed.addItems(2);
    const round = await fetchRound();
    expect(round.results).toMatchObject([{ kind: 'ok', httpStatus: 200, newArticles: 2, newRevisions: 0 }]);
    const titles = (await articles()).map((a) => a.title);
    expect(titles).toHaveLength(5);
    expect(titles.slice(0, 2)).toEqual(['Sample item 5', 'Sample item 4']);
  });

  it('an edited item becomes a second revision: a new archive file, the old one byte for byte unchanged', async () => {
    const before = await readFileTree(archiveFolder(url()));
    const edited = feed.items[2];
    feed.editItem(2, { description: '<p>Corrected: the third item, revised by its publisher.</p>' });
    const round = await fetchRound();
    expect(round.results).toMatchObject([{ kind: 'ok', newArticles: 0, newRevisions: 1 }]);

    const article = (await articles()).find((a) => a.guid === edited.guid)!;
    expect(article.revisionCount).toBe(2);
    const shown = await cliJson<{ revisions: Array<{ number: number; rawBody: string }> }>(data, [
      'show',
      String(article.id),
      '--revisions',
    ]);
    expect(shown.revisions.map((r) => [r.number, r.rawBody])).toEqual([
      [0, edited.description],
      [1, '<p>Corrected: the third item, revised by its publisher.</p>'],
    ]);

    const after = await readFileTree(archiveFolder(url()));
    const added = [...after.keys()].filter((name) => !before.has(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^001_[0-9a-f]{16}\.txt$/);
    expect(after.get(added[0])!.toString('utf8')).toContain(
      '<p>Corrected: the third item, revised by its publisher.</p>',
    );
    for (const [name, bytes] of before) {
      if (name.endsWith('.txt')) expect(after.get(name)?.equals(bytes), `${name} unchanged`).toBe(true);
    }
    revisedFiles = new Map([...after].filter(([name]) => name.endsWith('.txt')));
  });

  it('429 with Retry-After: recorded as rate-limited, next check after the wait, and skipped until then unless --force', async () => {
    server.setRoute('/life/feed.xml', {
      kind: 'static',
      status: 429,
      headers: { 'retry-after': String(RETRY_AFTER_S) },
      body: 'slow down',
    });
    const startedAt = Date.now();
    const round = await fetchRound();
    const endedAt = Date.now();
    expect(round.results).toMatchObject([
      { kind: 'rate-limited', httpStatus: 429, error: { code: 'fetch.rate-limited' } },
    ]);
    const row = await onlyFeed();
    expect(row).toMatchObject({ lastStatus: 429, lastError: { code: 'fetch.rate-limited' } });
    // Retry-After is a floor (the error backoff alone would be 5 min); at most +10 % jitter on top.
    expect(row.nextCheckAt).toBeGreaterThanOrEqual(startedAt + RETRY_AFTER_S * 1000);
    expect(row.nextCheckAt).toBeLessThanOrEqual(endedAt + RETRY_AFTER_S * 1100);

    const before = requestsTo('/life/feed.xml').length;
    const skipped = await fetchRound();
    expect(skipped).toMatchObject({ feeds: 0, skipped: 1 });
    expect(requestsTo('/life/feed.xml')).toHaveLength(before);
  });

  it("301: the forced fetch follows it, and the feed's URL and archive folder move to the new address", async () => {
    server.setRoute('/life/feed.xml', { kind: 'redirect', status: 301, location: '/life/moved.xml' });
    server.setRoute('/life/moved.xml', { kind: 'feed', feed });
    const round = await fetchRound('--force');
    expect(round.results).toHaveLength(1);
    expect(round.results[0].kind).toMatch(/^(ok|not-modified)$/);
    expect(round.results[0].movedFrom).toBe(url());

    const row = await onlyFeed();
    expect(row).toMatchObject({ url: movedUrl(), errorCount: 0, stats: { articleCount: 5 } });
    expect(row.lastError).toBeUndefined();
    expect(row.nextCheckAt).toBeLessThan(Date.now() + 25 * HOUR_MS);
    expect(await articles()).toHaveLength(5);
    const moved = await readFileTree(archiveFolder(movedUrl()));
    for (const [name, bytes] of revisedFiles)
      expect(moved.get(name)?.equals(bytes), `${name} moved unchanged`).toBe(true);
    expect((await runCli(data, ['feeds', 'show', url()])).code).toBe(1);
  });

  it('500: recorded on the feed as fetch.http-status, articles untouched, retried after the error backoff', async () => {
    server.setRoute('/life/moved.xml', { kind: 'static', status: 500, body: 'boom' });
    const startedAt = Date.now();
    const round = await fetchRound();
    expect(round.results).toMatchObject([{ kind: 'failed', httpStatus: 500, error: { code: 'fetch.http-status' } }]);
    const row = await onlyFeed();
    expect(row).toMatchObject({
      url: movedUrl(),
      lastStatus: 500,
      errorCount: 1,
      lastError: { code: 'fetch.http-status' },
      stats: { articleCount: 5 },
    });
    // TIDINGS_ERROR_BACKOFF defaults to 300 s for the first error in a row.
    expect(row.nextCheckAt).toBeGreaterThan(startedAt + 200_000);
    expect(row.nextCheckAt).toBeLessThan(startedAt + 400_000);
  });

  it('timeout: a server that never finishes is cut off at the fetch timeout and recorded as fetch.timeout', async () => {
    server.setRoute('/life/moved.xml', { kind: 'slow-drip', intervalMs: 200 });
    const run = await runCli(data, ['fetch', '--json'], { env: { TIDINGS_FETCH_TIMEOUT_MS: '2000' } });
    expect(run.code).toBe(0);
    // Generous "does not hang" bound: the fetch timeout is 2 s.
    expect(run.ms).toBeLessThan(15_000);
    expect(JSON.parse(run.stdout)).toMatchObject({
      failed: 1,
      results: [{ kind: 'failed', error: { code: 'fetch.timeout' } }],
    });
    const row = await onlyFeed();
    expect(row).toMatchObject({ errorCount: 2, lastError: { code: 'fetch.timeout' }, stats: { articleCount: 5 } });
    expect(await articles()).toHaveLength(5);
    const tree = await readFileTree(archiveFolder(movedUrl()));
    for (const [name, bytes] of revisedFiles)
      expect(tree.get(name)?.equals(bytes), `${name} still unchanged`).toBe(true);
  });
});
