import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchRecord } from './feed-types.ts';
import type { Store } from './store.ts';
import { makeEntry, storeBackends } from './testdata/store-backends.ts';

const T0 = 1_700_000_000_000;
const fetchAt = (startedAt: number, fields: Partial<FetchRecord> = {}): FetchRecord => ({
  startedAt,
  durationMs: 120,
  outcome: 'ok',
  httpStatus: 200,
  schedule: { nextCheckAt: startedAt + 3_600_000 },
  ...fields,
});

for (const backend of storeBackends()) {
  describe(`store feeds (${backend.name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await backend.open();
    });
    afterEach(() => store.close());
    afterAll(() => backend.cleanup());

    it('adds a feed once; the same URL again is `exists`', async () => {
      const added = await store.addFeed({ url: 'https://a.example/rss', now: T0 });
      expect(added.kind).toBe('added');
      if (added.kind !== 'added') return;
      expect(added.feed).toMatchObject({
        url: 'https://a.example/rss',
        createdAt: T0,
        nextCheckAt: T0,
        errorCount: 0,
        titleFromUser: false,
      });
      expect(added.feed.settings).toEqual({ fullText: 'off', learnedBoilerplate: true });
      const again = await store.addFeed({ url: 'https://a.example/rss', now: T0 + 1 });
      expect(again).toEqual({ kind: 'exists', feed: added.feed });
      expect(await store.findFeedByUrl('https://a.example/rss')).toEqual(added.feed);
      expect(await store.getFeed(added.feed.id)).toEqual(added.feed);
      expect(await store.getFeed(added.feed.id + 100)).toBeUndefined();
    });

    it('refuses an empty URL and bad settings as values', async () => {
      expect((await store.addFeed({ url: '' })).kind).toBe('invalid');
      expect((await store.addFeed({ url: 'https://a.example/', settings: { retentionDays: 0 } })).kind).toBe('invalid');
      expect(
        (
          await store.addFeed({
            url: 'https://a.example/',
            settings: { minIntervalSeconds: 600, maxIntervalSeconds: 60 },
          })
        ).kind,
      ).toBe('invalid');
      expect(await store.listFeeds()).toEqual([]);
    });

    it('updates title, category, URL and settings; a taken URL is refused', async () => {
      const a = await addFeed(store, 'https://a.example/rss');
      const b = await addFeed(store, 'https://b.example/rss');
      const updated = await store.updateFeed(a, {
        title: 'Mine',
        category: '国际',
        url: 'https://a.example/feed',
        settings: { fullText: 'auto', retentionDays: 30 },
      });
      expect(updated.kind).toBe('updated');
      expect(await store.getFeed(a)).toMatchObject({
        url: 'https://a.example/feed',
        title: 'Mine',
        titleFromUser: true,
        category: '国际',
        settings: { fullText: 'auto', retentionDays: 30, learnedBoilerplate: true },
      });
      expect(await store.updateFeed(b, { url: 'https://a.example/feed' })).toEqual({ kind: 'url-taken', feedId: a });
      expect(await store.updateFeed(999, { title: 'x' })).toEqual({ kind: 'not-found' });
      expect((await store.updateFeed(a, { settings: { maxIntervalSeconds: 1, minIntervalSeconds: 5 } })).kind).toBe(
        'invalid',
      );
      await store.updateFeed(a, { category: null, settings: { retentionDays: null } });
      const feed = await store.getFeed(a);
      expect(feed?.category).toBeUndefined();
      expect(feed?.settings.retentionDays).toBeUndefined();
    });

    it('records a successful fetch: validators, schedule, learned metadata and a log row', async () => {
      const id = await addFeed(store, 'https://a.example/rss');
      const result = await store.recordFetch(
        id,
        fetchAt(T0, {
          bytes: 2048,
          itemCount: 10,
          newArticles: 3,
          newRevisions: 1,
          validators: { etag: '"v1"', lastModified: 'Tue, 01 Nov 2022 00:00:00 GMT' },
          schedule: { nextCheckAt: T0 + 1800_000, checkIntervalMs: 1800_000, postingIntervalMs: 7200_000 },
          document: {
            title: 'Learned',
            siteUrl: 'https://a.example/',
            format: 'rss20',
            language: 'zh-CN',
            description: 'd',
          },
        }),
      );
      expect(result).toEqual({ kind: 'recorded', feed: await store.getFeed(id) });
      expect(await store.getFeed(id)).toMatchObject({
        title: 'Learned',
        siteUrl: 'https://a.example/',
        format: 'rss20',
        language: 'zh-CN',
        description: 'd',
        validators: { etag: '"v1"', lastModified: 'Tue, 01 Nov 2022 00:00:00 GMT' },
        nextCheckAt: T0 + 1800_000,
        checkIntervalMs: 1800_000,
        postingIntervalMs: 7200_000,
        lastStatus: 200,
        lastFetchedAt: T0,
        lastSuccessAt: T0,
        errorCount: 0,
      });
      expect(await store.listFetchLog(id, 10)).toEqual([
        expect.objectContaining({
          feedId: id,
          startedAt: T0,
          durationMs: 120,
          outcome: 'ok',
          httpStatus: 200,
          bytes: 2048,
          itemCount: 10,
          newArticles: 3,
          newRevisions: 1,
        }),
      ]);
      expect(await store.recordFetch(999, fetchAt(T0))).toEqual({ kind: 'not-found' });
    });

    it('counts failures, keeps validators through them, and resets on success', async () => {
      const id = await addFeed(store, 'https://a.example/rss');
      await store.recordFetch(id, fetchAt(T0, { validators: { etag: '"v1"' } }));
      const error = { code: 'fetch.timeout', message: 'timed out after 30 s' };
      await store.recordFetch(id, fetchAt(T0 + 1, { outcome: 'failed', httpStatus: undefined, error }));
      await store.recordFetch(
        id,
        fetchAt(T0 + 2, { outcome: 'failed', httpStatus: 503, error: { code: 'fetch.http-status', message: '503' } }),
      );
      let feed = await store.getFeed(id);
      expect(feed).toMatchObject({
        errorCount: 2,
        lastError: { code: 'fetch.http-status', message: '503' },
        lastStatus: 503,
        lastSuccessAt: T0,
      });
      expect(feed?.validators).toEqual({ etag: '"v1"' });
      await store.recordFetch(id, fetchAt(T0 + 3, { outcome: 'rate-limited', httpStatus: 429 }));
      expect((await store.getFeed(id))?.errorCount).toBe(2);
      await store.recordFetch(id, fetchAt(T0 + 4, { outcome: 'not-modified', httpStatus: 304 }));
      feed = await store.getFeed(id);
      expect(feed).toMatchObject({ errorCount: 0, lastSuccessAt: T0 + 4, lastStatus: 304 });
      expect(feed?.lastError).toBeUndefined();
      const log = await store.listFetchLog(id, 10);
      expect(log.map((e) => e.outcome)).toEqual(['not-modified', 'rate-limited', 'failed', 'failed', 'ok']);
      expect(log[3].error).toEqual(error);
      expect(await store.listFetchLog(id, 2)).toHaveLength(2);
    });

    it('records many fetches in one call as recordFetch would, one result per item in order', async () => {
      const a = await addFeed(store, 'https://a.example/rss');
      const b = await addFeed(store, 'https://b.example/rss');
      const results = await store.recordFetches([
        { feedId: a, fetch: fetchAt(T0, { validators: { etag: '"a1"' } }) },
        { feedId: 999, fetch: fetchAt(T0) },
        {
          feedId: b,
          fetch: fetchAt(T0, {
            outcome: 'failed',
            httpStatus: 503,
            error: { code: 'fetch.http-status', message: '503' },
          }),
        },
        { feedId: a, fetch: fetchAt(T0 + 1, { outcome: 'not-modified', httpStatus: 304 }) },
      ]);
      expect(results.map((r) => r.kind)).toEqual(['recorded', 'not-found', 'recorded', 'recorded']);
      expect(results[3]).toEqual({ kind: 'recorded', feed: await store.getFeed(a) });
      expect(await store.getFeed(a)).toMatchObject({
        validators: { etag: '"a1"' },
        lastStatus: 304,
        lastFetchedAt: T0 + 1,
        errorCount: 0,
      });
      expect(await store.getFeed(b)).toMatchObject({
        errorCount: 1,
        lastError: { code: 'fetch.http-status', message: '503' },
      });
      expect((await store.listFetchLog(a, 10)).map((e) => e.outcome)).toEqual(['not-modified', 'ok']);
      expect(await store.recordFetches([])).toEqual([]);
    });

    it('never replaces a title the user chose with a learned one, but learns again after it is cleared', async () => {
      const id = await addFeed(store, 'https://a.example/rss', T0, 'Chosen');
      expect((await store.getFeed(id))?.titleFromUser).toBe(true);
      await store.recordFetch(id, fetchAt(T0, { document: { title: 'From the document' } }));
      expect((await store.getFeed(id))?.title).toBe('Chosen');
      await store.updateFeed(id, { title: null });
      await store.recordFetch(id, fetchAt(T0 + 1, { document: { title: 'From the document' } }));
      expect(await store.getFeed(id)).toMatchObject({ title: 'From the document', titleFromUser: false });
    });

    it('lists due feeds, most overdue first, without removed ones', async () => {
      const a = await addFeed(store, 'https://a.example/rss', T0 + 20);
      const b = await addFeed(store, 'https://b.example/rss', T0 + 10);
      const c = await addFeed(store, 'https://c.example/rss', T0 + 30);
      await addFeed(store, 'https://later.example/rss', T0 + 1000);
      expect((await store.dueFeeds(T0 + 100, 10)).map((f) => f.id)).toEqual([b, a, c]);
      expect((await store.dueFeeds(T0 + 100, 2)).map((f) => f.id)).toEqual([b, a]);
      await store.removeFeed(a);
      expect((await store.dueFeeds(T0 + 100, 10)).map((f) => f.id)).toEqual([b, c]);
    });

    it('removing keeps the articles; adding the URL again restores it; purging deletes everything of it', async () => {
      const id = await addFeed(store, 'https://a.example/rss');
      await store.recordEntries(id, [makeEntry('guid:1'), makeEntry('guid:2')], T0);
      await store.recordFetch(id, fetchAt(T0));
      const removed = await store.removeFeed(id, { at: T0 + 5 });
      expect(removed.kind === 'removed' && removed.feed.removedAt).toBe(T0 + 5);
      expect(await store.listFeeds()).toEqual([]);
      expect((await store.listFeeds({ includeRemoved: true })).map((f) => f.id)).toEqual([id]);
      expect((await store.listArticles({ feedId: id, limit: 10 })).articles).toHaveLength(2);
      const restored = await store.addFeed({ url: 'https://a.example/rss' });
      expect(restored.kind).toBe('restored');
      expect(restored.kind === 'restored' && restored.feed.removedAt).toBeUndefined();

      expect(await store.removeFeed(id, { purge: true })).toEqual({ kind: 'purged' });
      expect(await store.getFeed(id)).toBeUndefined();
      expect(await store.counts()).toEqual({ feeds: 0, articles: 0, revisions: 0, pendingArchive: 0 });
      expect(await store.listFetchLog(id, 10)).toEqual([]);
      expect(await store.removeFeed(id)).toEqual({ kind: 'not-found' });
    });

    it('lists feeds with article count, revision count and latest article time, not counting deleted articles', async () => {
      const a = await addFeed(store, 'https://a.example/rss');
      const b = await addFeed(store, 'https://b.example/rss');
      const [first] = await store.recordEntries(
        a,
        [makeEntry('guid:1', { publishedAt: T0 }), makeEntry('guid:2', { publishedAt: T0 + 50 })],
        T0,
      );
      await store.recordEntries(
        a,
        [makeEntry('guid:2', { publishedAt: T0 + 50, cleanedBody: '<p>changed</p>' })],
        T0 + 100,
      );
      await store.recordEntries(a, [makeEntry('guid:3', { publishedAt: T0 + 99 })], T0 + 100);
      if (first.kind === 'new') await store.deleteArticle(first.articleId);
      const list = await store.listFeeds();
      expect(list.map((f) => [f.id, f.stats])).toEqual([
        [a, { articleCount: 2, revisionCount: 3, latestArticleAt: T0 + 99 }],
        [b, { articleCount: 0, revisionCount: 0 }],
      ]);
    });
  });
}

async function addFeed(store: Store, url: string, now = T0, title?: string): Promise<number> {
  const result = await store.addFeed({ url, now, title });
  if (result.kind !== 'added') throw new Error(`expected added, got ${result.kind}`);
  return result.feed.id;
}
