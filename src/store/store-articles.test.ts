import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../domain/errors.ts';
import type { ArticleSummary } from './article-types.ts';
import type { Store } from './store.ts';
import { makeEntry, storeBackends } from './testdata/store-backends.ts';

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;

for (const backend of storeBackends()) {
  describe(`store articles (${backend.name})`, () => {
    let store: Store;
    let feedId: number;
    beforeEach(async () => {
      store = await backend.open();
      feedId = await addFeed(store, 'https://a.example/rss');
    });
    afterEach(() => store.close());
    afterAll(() => backend.cleanup());

    it('stores a new entry as revision 0, then `unchanged`, then a changed body as revision 1 with revision 0 intact', async () => {
      const entry = makeEntry('guid:1', {
        title: '标题',
        link: 'https://a.example/1',
        publishedAt: T0,
        categories: [{ term: 'a' }],
      });
      const [created] = await store.recordEntries(feedId, [entry], T0 + 10);
      expect(created).toMatchObject({ kind: 'new', revision: 0 });
      if (created.kind !== 'new') return;

      const same = { ...entry, categories: [{ term: 'b', scheme: 's' }] };
      expect(await store.recordEntries(feedId, [same], T0 + 20)).toEqual([
        { kind: 'unchanged', articleId: created.articleId },
      ]);

      const changed = makeEntry('guid:1', {
        title: '标题',
        link: 'https://a.example/1',
        cleanedBody: '<p>corrected</p>',
      });
      const [revised] = await store.recordEntries(feedId, [changed], T0 + 30);
      expect(revised).toMatchObject({ kind: 'revised', articleId: created.articleId, revision: 1 });

      const article = await store.getArticle(created.articleId);
      expect(article).toMatchObject({
        identity: 'guid:1',
        title: '标题',
        link: 'https://a.example/1',
        publishedAt: T0,
        firstSeenAt: T0 + 10,
        lastSeenAt: T0 + 30,
        time: T0,
        revisionCount: 2,
        categories: [],
      });
      expect(article?.key).toMatch(/^[0-9a-f]{16}$/);
      expect(article?.revisions.map((r) => [r.number, r.cleanedBody, r.seenAt, r.categories])).toEqual([
        [0, entry.cleanedBody, T0 + 10, [{ term: 'a' }]],
        [1, '<p>corrected</p>', T0 + 30, []],
      ]);
      expect(article?.revisions[0]).toMatchObject({
        rawBody: entry.rawBody,
        fingerprint: entry.fingerprint,
        titleKey: '标题',
        title: '标题',
      });
      const latest = await store.getArticle(created.articleId, { revisions: 'latest' });
      expect(latest?.revisions.map((r) => r.number)).toEqual([1]);
    });

    it('keeps metadata from an unchanged entry on the article, not on the stored revision', async () => {
      const [created] = await store.recordEntries(feedId, [makeEntry('guid:1', { categories: [{ term: 'a' }] })], T0);
      await store.recordEntries(feedId, [makeEntry('guid:1', { categories: [{ term: 'b' }], language: 'zh' })], T0 + 5);
      const article = await store.getArticle(created.kind === 'new' ? created.articleId : -1);
      expect(article).toMatchObject({
        categories: [{ term: 'b' }],
        language: 'zh',
        lastSeenAt: T0 + 5,
        revisionCount: 1,
      });
      expect(article?.revisions[0].categories).toEqual([{ term: 'a' }]);
    });

    it('makes a new revision when only the title key changes', async () => {
      await store.recordEntries(feedId, [makeEntry('guid:1', { title: 'Old title' })], T0);
      const [outcome] = await store.recordEntries(feedId, [makeEntry('guid:1', { title: 'New title' })], T0 + 1);
      expect(outcome).toMatchObject({ kind: 'revised', revision: 1 });
      const [again] = await store.recordEntries(feedId, [makeEntry('guid:1', { title: '  new TITLE ' })], T0 + 2);
      expect(again.kind).toBe('unchanged');
    });

    it('never brings back a deleted article, and keeps its revisions', async () => {
      const [created] = await store.recordEntries(feedId, [makeEntry('guid:1')], T0);
      const articleId = created.kind === 'new' ? created.articleId : -1;
      expect(await store.deleteArticle(articleId, T0 + 1)).toEqual({ kind: 'deleted' });
      expect(await store.deleteArticle(articleId)).toEqual({ kind: 'already-deleted' });
      expect(await store.deleteArticle(articleId + 1000)).toEqual({ kind: 'not-found' });
      for (const body of ['<p>Body of guid:1</p>', '<p>changed</p>']) {
        expect(await store.recordEntries(feedId, [makeEntry('guid:1', { cleanedBody: body })], T0 + 2)).toEqual([
          { kind: 'tombstoned', articleId },
        ]);
      }
      expect((await store.listArticles({ limit: 10 })).articles).toEqual([]);
      expect((await store.listArticles({ limit: 10, includeDeleted: true })).articles.map((a) => a.deletedAt)).toEqual([
        T0 + 1,
      ]);
      expect((await store.getArticle(articleId))?.revisions).toHaveLength(1);
      expect(await store.purgeArticle(articleId)).toBe(true);
      expect(await store.getArticle(articleId)).toBeUndefined();
      expect(await store.purgeArticle(articleId)).toBe(false);
    });

    it('keys identity per feed: the same identity in two feeds is two articles', async () => {
      const other = await addFeed(store, 'https://b.example/rss');
      const [a] = await store.recordEntries(feedId, [makeEntry('guid:same')], T0);
      const [b] = await store.recordEntries(other, [makeEntry('guid:same')], T0);
      expect(a.kind).toBe('new');
      expect(b.kind).toBe('new');
      expect(a.kind === 'new' && b.kind === 'new' && a.articleId !== b.articleId).toBe(true);
      expect((await store.counts()).articles).toBe(2);
    });

    it('refuses bad entries one by one without losing the rest of the batch', async () => {
      const outcomes = await store.recordEntries(
        feedId,
        [
          makeEntry('guid:1'),
          makeEntry(''),
          makeEntry('guid:2', { publishedAt: 1.5 }),
          makeEntry('guid:3'),
          makeEntry('guid:3'),
        ],
        T0,
      );
      expect(outcomes.map((o) => o.kind)).toEqual(['new', 'invalid', 'invalid', 'new', 'unchanged']);
      expect((await store.counts()).articles).toBe(2);
      expect(await store.recordEntries(999, [makeEntry('guid:1')], T0)).toEqual([
        { kind: 'invalid', reason: 'feed 999 not found' },
      ]);
    });

    it('pages newest first with cursors, with no duplicates or gaps among equal times', async () => {
      const entries = Array.from({ length: 23 }, (_, i) =>
        makeEntry(`guid:${i}`, i % 3 === 0 ? {} : { publishedAt: T0 + (i % 4) * 1000 }),
      );
      await store.recordEntries(feedId, entries, T0 + 2000);
      const seen: ArticleSummary[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listArticles({ limit: 5, cursor });
        seen.push(...page.articles);
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== undefined);
      expect(pages).toBe(5);
      expect(new Set(seen.map((a) => a.id)).size).toBe(23);
      const order = seen.map((a) => [a.time, a.id]);
      const sorted = [...order].sort((x, y) => y[0] - x[0] || y[1] - x[1]);
      expect(order).toEqual(sorted);
      expect(seen[0].time).toBe(T0 + 3000);
      expect(seen.every((a) => !('rawBody' in a))).toBe(true);
    });

    it('filters by feed and time window, and leaves out articles of removed feeds unless asked', async () => {
      const other = await addFeed(store, 'https://b.example/rss');
      await store.recordEntries(
        feedId,
        [1, 2, 3].map((d) => makeEntry(`a${d}`, { publishedAt: T0 + d * DAY })),
        T0,
      );
      await store.recordEntries(other, [makeEntry('b1', { publishedAt: T0 + 2 * DAY })], T0);
      const titles = async (o: Parameters<Store['listArticles']>[0]) =>
        (await store.listArticles(o)).articles.map((a) => a.identity);
      expect(await titles({ limit: 10, feedId })).toEqual(['a3', 'a2', 'a1']);
      expect(await titles({ limit: 10, since: T0 + 2 * DAY, until: T0 + 3 * DAY })).toEqual(['b1', 'a2']);
      await store.removeFeed(other);
      expect(await titles({ limit: 10 })).toEqual(['a3', 'a2', 'a1']);
      expect(await titles({ limit: 10, includeRemovedFeeds: true })).toHaveLength(4);
      expect(await titles({ limit: 10, feedId: other })).toEqual(['b1']);
    });

    it('throws input.invalid for a cursor it did not make', async () => {
      await expect(store.listArticles({ limit: 5, cursor: 'bm9wZQ' })).rejects.toSatisfy((e) =>
        isAppError(e, 'input.invalid'),
      );
    });

    it('replaces cleaned bodies and reports unknown revisions', async () => {
      const [created] = await store.recordEntries(feedId, [makeEntry('guid:1')], T0);
      const revisionId = created.kind === 'new' ? created.revisionId : -1;
      expect(
        await store.updateCleanedBodies([
          { revisionId, cleanedBody: '<p>better</p>' },
          { revisionId: 9999, cleanedBody: 'x' },
        ]),
      ).toEqual([
        { revisionId, kind: 'updated' },
        { revisionId: 9999, kind: 'not-found' },
      ]);
      const article = await store.getArticle(created.kind === 'new' ? created.articleId : -1);
      expect(article?.revisions[0]).toMatchObject({
        cleanedBody: '<p>better</p>',
        rawBody: makeEntry('guid:1').rawBody,
      });
    });

    it('deletes nothing by retention unless the feed sets it, then only what is older and already archived', async () => {
      const kept = await addFeed(store, 'https://keep.example/rss');
      const old = { publishedAt: T0 - 100 * DAY };
      await store.recordEntries(kept, [makeEntry('old', old)], T0 - 100 * DAY);
      await store.recordEntries(
        feedId,
        [makeEntry('old-gone', old), makeEntry('fresh', { publishedAt: T0 - DAY })],
        T0 - 100 * DAY,
      );
      await store.recordEntries(feedId, [makeEntry('old-still-carried', old)], T0 - 100 * DAY);
      await store.recordEntries(
        feedId,
        [makeEntry('old-still-carried', old), makeEntry('fresh', { publishedAt: T0 - DAY })],
        T0 - DAY,
      );
      expect(await store.applyRetention(T0)).toEqual({ articlesDeleted: 0, revisionsDeleted: 0, tombstoned: 0 });

      await store.updateFeed(feedId, { settings: { retentionDays: 30 } });
      expect(await store.applyRetention(T0)).toEqual({ articlesDeleted: 0, revisionsDeleted: 0, tombstoned: 0 });
      await store.markArchived(
        (await store.pendingArchiveRevisions(100)).map((r) => r.revisionId),
        T0,
      );
      expect(await store.applyRetention(T0)).toEqual({ articlesDeleted: 1, revisionsDeleted: 2, tombstoned: 1 });
      expect(
        (await store.listArticles({ limit: 10, includeDeleted: true, feedId })).articles.map((a) => [
          a.identity,
          a.revisionCount,
          a.deletedAt !== undefined,
        ]),
      ).toEqual([
        ['fresh', 1, false],
        ['old-still-carried', 0, true],
      ]);
      expect((await store.listArticles({ limit: 10, feedId: kept })).articles).toHaveLength(1);
      expect(await store.recordEntries(feedId, [makeEntry('old-still-carried', old)], T0)).toMatchObject([
        { kind: 'tombstoned' },
      ]);
    });

    it('keeps an old article by retention while one of its revisions waits for the archive', async () => {
      const old = { publishedAt: T0 - 100 * DAY };
      await store.recordEntries(feedId, [makeEntry('a', old), makeEntry('b', old)], T0 - 100 * DAY);
      await store.updateFeed(feedId, { settings: { retentionDays: 30 } });
      const [first] = await store.pendingArchiveRevisions(100);
      await store.markArchived([first.revisionId], T0);
      expect(await store.applyRetention(T0)).toEqual({ articlesDeleted: 1, revisionsDeleted: 1, tombstoned: 0 });
      expect((await store.pendingArchiveRevisions(100)).map((r) => r.revisionId)).toHaveLength(1);
      expect((await store.listArticles({ limit: 10, feedId })).articles).toHaveLength(1);
    });
  });
}

async function addFeed(store: Store, url: string): Promise<number> {
  const result = await store.addFeed({ url, now: T0 });
  if (result.kind !== 'added') throw new Error(`expected added, got ${result.kind}`);
  return result.feed.id;
}
