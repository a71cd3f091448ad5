import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FixtureServer } from '../../../test/fixture-server/index.ts';
import { articleFileName, feedFolderName } from '../../archive/index.ts';
import type { Feed } from '../../store/index.ts';
import { refreshFeed } from './refresh-feed.ts';
import { refreshRound } from './refresh-round.ts';
import { useFixtureWorld } from '../testdata/fixture-world.ts';
import type { TestContext } from '../testdata/test-context.ts';

let server: FixtureServer;
let ctx: TestContext;

// Each test starts from a new fixture server and an empty store, and sets up what it needs itself.
useFixtureWorld(
  (started, context) => {
    server = started;
    ctx = context;
  },
  { perTest: true },
);

async function addFeed(path: string): Promise<Feed> {
  const added = await ctx.store.addFeed({ url: server.url(path), now: ctx.now() });
  if (added.kind !== 'added') throw new Error(`expected added, got ${added.kind}`);
  return added.feed;
}

async function feedNow(id: number): Promise<Feed> {
  return (await ctx.store.getFeed(id))!;
}

/** Returns /feed.xml as a feed after its first refresh (three items stored). */
async function refreshedFeed(): Promise<Feed> {
  const feed = await addFeed('/feed.xml');
  expect(await refreshFeed(ctx, feed)).toMatchObject({ kind: 'ok', newArticles: 3 });
  return feedNow(feed.id);
}

async function archiveFiles(feedUrl: string): Promise<string[]> {
  const names = await readdir(join(ctx.archiveRoot, feedFolderName(feedUrl))).catch(() => []);
  return names.filter((n) => n.endsWith('.txt')).sort();
}

describe('refreshFeed through the life of one feed', () => {
  it('stores every item of a first fetch and writes their archive files in the archive format', async () => {
    const feed = await addFeed('/feed.xml');
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({
      kind: 'ok',
      httpStatus: 200,
      itemCount: 3,
      newArticles: 3,
      newRevisions: 0,
      recorded: true,
    });
    const stored = await feedNow(feed.id);
    expect(stored).toMatchObject({
      title: 'Fixture feed',
      format: 'rss20',
      errorCount: 0,
      validators: { etag: server.feed.etag },
    });
    expect(stored.nextCheckAt).toBeGreaterThan(ctx.now());
    expect(await archiveFiles(feed.url)).toHaveLength(3);
    const item = server.feed.items[2];
    const file = await readFile(
      join(ctx.archiveRoot, feedFolderName(feed.url), articleFileName(`guid:${item.guid}`, 0)),
      'utf8',
    );
    expect(file).toBe(
      `<!--${item.pubDate.getTime()}-->\n[Sample item 1](https://fixture.test/items/1)\n------\n\n<p>Body of item 1 &amp; more.</p>\n`,
    );
    expect((await ctx.store.counts()).pendingArchive).toBe(0);
  });

  it('sends the stored validators and records a 304 with nothing new', async () => {
    const feed = await refreshedFeed();
    const before = server.requests.length;
    const outcome = await refreshFeed(ctx, await feedNow(feed.id));
    expect(outcome).toMatchObject({ kind: 'not-modified', newArticles: 0, newRevisions: 0 });
    const sent = server.requests.slice(before).find((r) => r.path === '/feed.xml');
    expect(sent?.headers['if-none-match']).toBe(server.feed.etag);
    const [log] = await ctx.store.listFetchLog(feed.id, 1);
    expect(log).toMatchObject({ outcome: 'not-modified', httpStatus: 304 });
  });

  it('stores only the new items when the feed grows', async () => {
    const feed = await refreshedFeed();
    server.feed.addItems(2);
    const outcome = await refreshFeed(ctx, await feedNow(feed.id));
    expect(outcome).toMatchObject({ kind: 'ok', itemCount: 5, newArticles: 2, newRevisions: 0 });
    expect(await archiveFiles(feed.url)).toHaveLength(5);
  });

  it('keeps an edited item as a new revision, the old revision and its file intact', async () => {
    const feed = await refreshedFeed();
    const item = server.feed.items[0];
    const identity = `guid:${item.guid}`;
    const folder = join(ctx.archiveRoot, feedFolderName(feed.url));
    const firstFile = await readFile(join(folder, articleFileName(identity, 0)), 'utf8');
    server.feed.editItem(0, { description: '<p>A corrected body, with new facts.</p>' });
    const outcome = await refreshFeed(ctx, await feedNow(feed.id));
    expect(outcome).toMatchObject({ kind: 'ok', newArticles: 0, newRevisions: 1 });
    const page = await ctx.store.listArticles({ feedId: feed.id, limit: 10 });
    const summary = page.articles.find((a) => a.identity === identity)!;
    const article = (await ctx.store.getArticle(summary.id))!;
    expect(article.revisions.map((r) => r.cleanedBody)).toEqual([
      item.description,
      '<p>A corrected body, with new facts.</p>',
    ]);
    expect(await readFile(join(folder, articleFileName(identity, 0)), 'utf8')).toBe(firstFile);
    expect(await readFile(join(folder, articleFileName(identity, 1)), 'utf8')).toContain(
      'A corrected body, with new facts.',
    );
  });

  it('does not make a revision of a typography-only edit', async () => {
    const feed = await refreshedFeed();
    server.feed.editItem(1, { description: server.feed.items[1].description.replace('more.', 'more !') });
    const outcome = await refreshFeed(ctx, await feedNow(feed.id));
    expect(outcome).toMatchObject({ kind: 'ok', newArticles: 0, newRevisions: 0 });
  });
});

describe('refreshFeed failures are recorded on the feed, never thrown', () => {
  it('honours Retry-After on a 429', async () => {
    server.setRoute('/429-long', { kind: 'static', status: 429, headers: { 'retry-after': '7200' } });
    const feed = await addFeed('/429-long');
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({ kind: 'rate-limited', httpStatus: 429, error: { code: 'fetch.rate-limited' } });
    const stored = await feedNow(feed.id);
    expect(stored.nextCheckAt).toBeGreaterThanOrEqual(ctx.now() + 7_100_000);
    expect(outcome.scheduleReason).toMatch(/retry-after/);
  });

  it('follows a permanent redirect by storing the new URL', async () => {
    server.setRoute('/moved.xml', { kind: 'redirect', status: 301, location: '/zh/feed.xml' });
    const feed = await addFeed('/moved.xml');
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({
      kind: 'ok',
      url: server.url('/zh/feed.xml'),
      movedFrom: server.url('/moved.xml'),
      newArticles: 3,
    });
    expect((await feedNow(feed.id)).url).toBe(server.url('/zh/feed.xml'));
    expect(await archiveFiles(server.url('/zh/feed.xml'))).toHaveLength(3);
  });

  it('records a redirect onto another feed’s URL as an error', async () => {
    await addFeed('/feed.xml');
    server.setRoute('/dup.xml', { kind: 'redirect', status: 308, location: '/feed.xml' });
    const feed = await addFeed('/dup.xml');
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'feed.url-taken' } });
    expect((await feedNow(feed.id)).url).toBe(server.url('/dup.xml'));
  });

  it('counts a server error and backs off', async () => {
    const feed = await addFeed('/500');
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({ kind: 'failed', httpStatus: 500, error: { code: 'fetch.http-status' } });
    const stored = await feedNow(feed.id);
    expect(stored).toMatchObject({ errorCount: 1, lastError: { code: 'fetch.http-status' }, lastStatus: 500 });
    const second = await refreshFeed(ctx, stored);
    expect((await feedNow(feed.id)).errorCount).toBe(2);
    expect(second.nextCheckAt! - ctx.now()).toBeGreaterThan(outcome.nextCheckAt! - ctx.now());
  });

  it('records a timeout', async () => {
    const feed = await addFeed('/slow');
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'fetch.timeout' } });
    expect((await feedNow(feed.id)).lastError?.code).toBe('fetch.timeout');
  });

  it('records an HTML page as not a feed', async () => {
    const feed = await addFeed('/page.html');
    const outcome = await refreshFeed(ctx, feed);
    expect(outcome).toMatchObject({ kind: 'failed', httpStatus: 200, error: { code: 'parse.not-a-feed' } });
  });
});

describe('refreshRound', () => {
  it('refreshes every feed even when some are broken, and skips a feed inside its Retry-After window', async () => {
    const good = await ctx.store.addFeed({ url: server.url('/feed.gz.xml'), now: ctx.now() });
    for (const path of ['/500', '/page.html', '/404', '/429'])
      await ctx.store.addFeed({ url: server.url(path), now: ctx.now() });
    const first = await refreshRound(ctx);
    expect(first).toMatchObject({ feeds: 5, ok: 1, rateLimited: 1, failed: 3, skipped: 0 });
    expect(first.newArticles).toBe(server.feed.items.length);
    expect(first.results.find((r) => good.kind === 'added' && r.feedId === good.feed.id)?.kind).toBe('ok');
    const second = await refreshRound(ctx);
    expect(second).toMatchObject({ feeds: 4, skipped: 1, rateLimited: 0 });
    const forced = await refreshRound(ctx, { force: true });
    expect(forced).toMatchObject({ feeds: 5, rateLimited: 1 });
  });

  it("applies a feed's retention once the round's archive files are written, and leaves feeds kept forever alone", async () => {
    const kept = await ctx.store.addFeed({ url: server.url('/feed.xml'), now: ctx.now() });
    const thinned = await ctx.store.addFeed({ url: server.url('/feed.gz.xml'), now: ctx.now() });
    if (kept.kind !== 'added' || thinned.kind !== 'added') throw new Error('expected added');
    await ctx.store.updateFeed(thinned.feed.id, { settings: { retentionDays: 30 } });
    const count = server.feed.items.length;
    const summary = await refreshRound(ctx);
    // The sample items are from 2024: all older than 30 days, still carried by the feed, so kept as tombstones.
    expect(summary.retention).toEqual({ articlesDeleted: 0, revisionsDeleted: count, tombstoned: count });
    expect((await ctx.store.listArticles({ limit: 10, feedId: thinned.feed.id })).articles).toHaveLength(0);
    expect((await ctx.store.listArticles({ limit: 10, feedId: kept.feed.id })).articles).toHaveLength(count);
    const folder = join(ctx.archiveRoot, feedFolderName(thinned.feed.url));
    expect((await readdir(folder)).filter((n) => n.endsWith('.txt'))).toHaveLength(count);
    expect((await refreshRound(ctx, { force: true })).newArticles).toBe(0);
  });

  it('reports a retention the store could not apply without undoing the round', async () => {
    await ctx.store.addFeed({ url: server.url('/feed.xml'), now: ctx.now() });
    const store = ctx.store;
    ctx.store = Object.assign(Object.create(store) as typeof store, {
      applyRetention: async () => {
        throw new Error('database is locked');
      },
    });
    const summary = await refreshRound(ctx);
    expect(summary).toMatchObject({ feeds: 1, ok: 1, newArticles: server.feed.items.length });
    expect(summary.retention).toEqual({
      articlesDeleted: 0,
      revisionsDeleted: 0,
      tombstoned: 0,
      error: 'database is locked',
    });
  });

  it("counts a feed whose articles the store could not write as failed, with the store's error, not as skipped", async () => {
    const broken = await ctx.store.addFeed({ url: server.url('/feed.xml'), now: ctx.now() });
    await ctx.store.addFeed({ url: server.url('/feed.gz.xml'), now: ctx.now() });
    if (broken.kind !== 'added') throw new Error(broken.kind);
    const store = ctx.store;
    ctx.store = Object.assign(Object.create(store) as typeof store, {
      recordEntries: async (
        feedId: number,
        ...rest: Parameters<typeof store.recordEntries> extends [number, ...infer R] ? R : never
      ) => {
        if (feedId === broken.feed.id) throw new Error('database is locked');
        return store.recordEntries(feedId, ...rest);
      },
    });
    const summary = await refreshRound(ctx);
    expect(summary).toMatchObject({ feeds: 2, ok: 1, failed: 1, skipped: 0 });
    expect(summary.results.find((r) => r.feedId === broken.feed.id)?.error?.message).toContain('database is locked');
  });
});
