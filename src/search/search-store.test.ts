import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../domain/errors.ts';
import { openStore } from '../store/open-store.ts';
import { migrate } from '../store/sqlite/migrate.ts';
import { sqliteMigrations } from '../store/sqlite/migrations/all-migrations.ts';
import type { Store } from '../store/store.ts';
import { makeEntry, storeBackends } from '../store/testdata/store-backends.ts';
import { searchArticles } from './search-articles.ts';

const T0 = Date.UTC(2025, 0, 1);
const ids = async (store: Store, query: string) =>
  (await searchArticles(store, query, { now: T0 })).results.map((r) => r.id);

for (const backend of storeBackends()) {
  describe(`search through the store (${backend.name})`, () => {
    let store: Store;
    let feedId: number;
    beforeEach(async () => {
      store = await backend.open();
      const added = await store.addFeed({ url: 'https://a.example/rss', title: '聯合新聞網' });
      feedId = added.kind === 'added' ? added.feed.id : -1;
    });
    afterEach(() => store.close());
    afterAll(() => backend.cleanup());

    it('finds an article as soon as recordEntries returns, by title, body, author, feed and category', async () => {
      const [outcome] = await store.recordEntries(
        feedId,
        [
          makeEntry('guid:1', {
            title: '央行宣布降息',
            cleanedBody: '<p>人民銀行今天宣佈下調利率。</p>',
            authors: [{ name: 'Anna Müller' }],
            categories: [{ term: '財經' }],
            publishedAt: T0,
          }),
        ],
        T0,
      );
      const id = outcome.kind === 'new' ? outcome.articleId : -1;
      for (const query of ['降息', '人民银行', 'muller', 'author:anna', 'feed:联合', 'category:财经', 'title:央行']) {
        expect(await ids(store, query), query).toEqual([id]);
      }
      expect(await ids(store, 'title:人民银行')).toEqual([]);
    });

    it('ranks by relevance exactly as scoring every match would, older title matches included, page after page', async () => {
      const DAY = 86_400_000;
      // 1,024 articles about 经济 a day for four days (each day one of the walk's 1,024-id time blocks); one in 97
      // says so in its title, which outweighs days of freshness: the first walk stops a day back, the title walk goes on.
      const N = 4096;
      const entries = Array.from({ length: N }, (_, i) =>
        makeEntry(`guid:${i}`, {
          title: i % 97 === 0 ? `经济 update ${i}` : `Report ${i}`,
          cleanedBody: `<p>经济 markets ${i}</p>`,
          publishedAt: T0 - ((N - i) * DAY) / 1024,
        }),
      );
      const outcomes = await store.recordEntries(feedId, entries, T0);
      const ids = outcomes.map((o) => (o.kind === 'new' ? o.articleId : -1));
      // A limit above the match count reads and scores every match: the brute-force order.
      const every = (await searchArticles(store, '经济', { sort: 'relevance', limit: 1000, now: T0 })).results.map(
        (r) => r.id,
      );
      expect(every).toHaveLength(1000);
      const pages: number[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 4; page++) {
        const found = await searchArticles(store, '经济', { sort: 'relevance', limit: 25, now: T0, cursor });
        pages.push(...found.results.map((r) => r.id));
        cursor = found.nextCursor;
      }
      expect(pages).toEqual(every.slice(0, 100));
      // The first page holds title matches more than a day old, below a thousand newer articles without one.
      const old = every.slice(0, 25).filter((id) => ids.indexOf(id) < N - 1024);
      expect(old.length).toBeGreaterThan(2);
      expect(old.every((id) => ids.indexOf(id) % 97 === 0)).toBe(true);
    });

    it('indexes only the latest revision: a corrected text replaces the old one', async () => {
      await store.recordEntries(feedId, [makeEntry('guid:1', { cleanedBody: '<p>地震造成三人受伤</p>' })], T0);
      const [revised] = await store.recordEntries(
        feedId,
        [makeEntry('guid:1', { cleanedBody: '<p>地震造成五人受伤</p>' })],
        T0 + 1,
      );
      expect(revised.kind).toBe('revised');
      expect(await ids(store, '三人')).toEqual([]);
      expect(await ids(store, '五人')).toHaveLength(1);
    });

    it('forgets deleted and purged articles, and re-indexes re-cleaned bodies', async () => {
      const outcomes = await store.recordEntries(
        feedId,
        [
          makeEntry('guid:1', { cleanedBody: '<p>熊猫 one</p>' }),
          makeEntry('guid:2', { cleanedBody: '<p>熊猫 two</p>' }),
          makeEntry('guid:3', { cleanedBody: '<p>熊猫 three</p>' }),
        ],
        T0,
      );
      const [a, b, c] = outcomes.map((o) => (o.kind === 'new' ? o : undefined));
      await store.deleteArticle(a?.articleId ?? -1);
      await store.purgeArticle(b?.articleId ?? -1);
      expect(await ids(store, '熊猫')).toEqual([c?.articleId]);
      await store.updateCleanedBodies([{ revisionId: c?.revisionId ?? -1, cleanedBody: '<p>大熊猫 replaced</p>' }]);
      expect(await ids(store, 'three')).toEqual([]);
      expect(await ids(store, 'replaced')).toEqual([c?.articleId]);
    });

    it('rebuilds the index with reindexSearch and finds the same articles', async () => {
      await store.recordEntries(
        feedId,
        [makeEntry('guid:1', { title: 'Tokyo 東京' }), makeEntry('guid:2', { title: '东京 news' })],
        T0,
      );
      const before = await ids(store, '东京');
      expect(before).toHaveLength(2);
      const progress: number[] = [];
      const result = await store.reindexSearch({ batchSize: 1, onProgress: (done) => progress.push(done) });
      expect(result.articles).toBe(2);
      expect(progress).toEqual([1, 2]);
      expect((await ids(store, '东京')).sort()).toEqual([...before].sort());
    });

    it('pages with a cursor and rejects one it did not make', async () => {
      const entries = Array.from({ length: 5 }, (_, i) =>
        makeEntry(`guid:${i}`, { title: `新闻 ${i}`, publishedAt: T0 - i * 1000 }),
      );
      await store.recordEntries(feedId, entries, T0);
      const first = await searchArticles(store, '新闻', { sort: 'newest', limit: 2 });
      const second = await searchArticles(store, '新闻', { sort: 'newest', limit: 2, cursor: first.nextCursor });
      const third = await searchArticles(store, '新闻', { sort: 'newest', limit: 2, cursor: second.nextCursor });
      expect([...first.results, ...second.results, ...third.results].map((r) => r.title)).toEqual([
        '新闻 0',
        '新闻 1',
        '新闻 2',
        '新闻 3',
        '新闻 4',
      ]);
      expect(third.nextCursor).toBeUndefined();
      await expect(searchArticles(store, '新闻', { cursor: 'bogus' })).rejects.toSatisfy((e) =>
        isAppError(e, 'input.invalid'),
      );
    });

    it('applies date filters exactly across many id blocks, with arrival order and time order differing', async () => {
      const day = 86_400_000;
      const times: number[] = [];
      for (let batch = 0; batch < 30; batch++) {
        const entries = Array.from({ length: 100 }, (_, i) => {
          const n = batch * 100 + i;
          const time = n % 37 === 0 ? T0 - 900 * day + n * 1000 : T0 - ((3000 - n) * day) / 4;
          times.push(time);
          return makeEntry(`guid:${n}`, {
            title: `${n % 3 === 0 ? '天气 news' : 'other'}${n % 1000 === 1 ? ' 罕见' : ''}`,
            publishedAt: time,
          });
        });
        await store.recordEntries(feedId, entries, T0);
      }
      const all = async (query: string, sort: 'relevance' | 'newest') => {
        const found: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await searchArticles(store, query, { sort, limit: 100, cursor, now: T0 });
          found.push(...page.results.map((r) => r.time));
          cursor = page.nextCursor;
        } while (cursor !== undefined);
        return found.sort((a, b) => a - b);
      };
      const from = Date.UTC(2024, 3, 1);
      const to = Date.UTC(2024, 5, 1);
      const expected = times.filter((t, n) => n % 3 === 0 && t >= from && t < to).sort((a, b) => a - b);
      expect(expected.length).toBeGreaterThan(10);
      for (const sort of ['relevance', 'newest'] as const) {
        expect(await all('天气 after:2024-03 before:2024-06', sort)).toEqual(expected);
        const early = times.filter((t, n) => n % 3 === 0 && t < Date.UTC(2023, 0, 1)).sort((a, b) => a - b);
        expect(early.length).toBeGreaterThan(20);
        expect(await all('天气 before:2023', sort)).toEqual(early);
        const rare = times.filter((t, n) => n % 1000 === 1 && t < Date.UTC(2024, 0, 1)).sort((a, b) => a - b);
        expect(rare.length).toBe(2);
        expect(await all('罕见 before:2024', sort)).toEqual(rare);
      }
    });

    it('follows an article to its new time when a feed changes only its date', async () => {
      const first = Date.UTC(2024, 2, 10);
      const moved = Date.UTC(2023, 7, 20);
      const [outcome] = await store.recordEntries(
        feedId,
        [makeEntry('guid:1', { title: 'The harbour report', publishedAt: first })],
        T0,
      );
      await store.recordEntries(feedId, [makeEntry('guid:2', { title: 'The other report', publishedAt: first })], T0);
      const id = outcome.kind === 'new' ? outcome.articleId : -1;
      expect(await ids(store, 'the on:2024-03-10')).toContain(id);
      await store.recordEntries(
        feedId,
        [makeEntry('guid:1', { title: 'The harbour report', publishedAt: moved })],
        T0 + 1,
      );
      expect(await ids(store, 'the on:2024-03-10')).not.toContain(id);
      expect(await ids(store, 'the on:2023-08')).toEqual([id]);
      expect(await ids(store, 'the before:2024')).toEqual([id]);
    });

    it('saves, replaces, lists and deletes saved searches', async () => {
      const first = await store.saveSearch({ name: 'Taiwan', query: '台湾 lang:zh', at: T0 });
      await store.saveSearch({ name: 'AI', query: '人工智能 OR AI', sort: 'newest', at: T0 });
      const replaced = await store.saveSearch({ name: 'Taiwan', query: '台湾 -体育', at: T0 + 1 });
      expect(replaced.id).toBe(first.id);
      expect((await store.listSavedSearches()).map((s) => [s.name, s.query, s.sort])).toEqual([
        ['AI', '人工智能 OR AI', 'newest'],
        ['Taiwan', '台湾 -体育', 'relevance'],
      ]);
      expect(await store.deleteSavedSearch(first.id)).toBe(true);
      expect(await store.deleteSavedSearch(first.id)).toBe(false);
      await expect(store.saveSearch({ name: ' ', query: 'x' })).rejects.toSatisfy((e) =>
        isAppError(e, 'input.invalid'),
      );
    });

    it("keeps each user's saved searches their own: names, lists, reads and deletes are per owner", async () => {
      const user = async (name: string) => {
        const created = await store.createUser({ name, passwordHash: `scrypt$${name}`, at: T0 });
        if (created.kind !== 'created') throw new Error(created.kind);
        return created.user.id;
      };
      const [ann, bob] = [await user('ann'), await user('bob')];
      const annTaiwan = await store.saveSearch({ userId: ann, name: 'Taiwan', query: '台湾', at: T0 });
      const bobTaiwan = await store.saveSearch({ userId: bob, name: 'Taiwan', query: '台灣 -体育', at: T0 });
      const cliTaiwan = await store.saveSearch({ name: 'Taiwan', query: 'taiwan', at: T0 });
      expect(new Set([annTaiwan.id, bobTaiwan.id, cliTaiwan.id]).size).toBe(3);
      expect(annTaiwan.userId).toBe(ann);
      expect(cliTaiwan.userId).toBeUndefined();
      expect((await store.saveSearch({ userId: ann, name: 'Taiwan', query: '台湾 lang:zh', at: T0 + 1 })).id).toBe(
        annTaiwan.id,
      );

      expect((await store.listSavedSearches({ userId: ann })).map((s) => s.query)).toEqual(['台湾 lang:zh']);
      expect((await store.listSavedSearches({ userId: bob })).map((s) => s.query)).toEqual(['台灣 -体育']);
      expect((await store.listSavedSearches()).map((s) => s.query)).toEqual(['taiwan']);
      expect(await store.getSavedSearch(bobTaiwan.id, { userId: bob })).toMatchObject({ name: 'Taiwan', userId: bob });
      expect(await store.getSavedSearch(bobTaiwan.id, { userId: ann })).toBeUndefined();
      expect(await store.getSavedSearch(bobTaiwan.id)).toBeUndefined();
      expect(await store.getSavedSearch(cliTaiwan.id, { userId: ann })).toBeUndefined();

      expect(await store.deleteSavedSearch(bobTaiwan.id, { userId: ann })).toBe(false);
      expect(await store.deleteSavedSearch(bobTaiwan.id)).toBe(false);
      expect(await store.deleteSavedSearch(cliTaiwan.id, { userId: bob })).toBe(false);
      expect(await store.listSavedSearches({ userId: bob })).toHaveLength(1);
      expect(await store.deleteSavedSearch(bobTaiwan.id, { userId: bob })).toBe(true);
      expect(await store.listSavedSearches({ userId: bob })).toEqual([]);

      expect(await store.deleteUser(ann)).toBe(true);
      expect(await store.getSavedSearch(annTaiwan.id, { userId: ann })).toBeUndefined();
      expect((await store.listSavedSearches()).map((s) => s.id)).toEqual([cliTaiwan.id]);
    });
  });
}

describe('search on a database made before search existed', () => {
  let folder: string;
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('indexes the existing articles on first open (the migration queues them)', async () => {
    folder = await mkdtemp(join(tmpdir(), 'tidings-search-'));
    const path = join(folder, 'old.db');
    const db = new Database(path);
    migrate(
      db,
      sqliteMigrations.filter((m) => !m.name.includes('search')),
    );
    db.prepare(
      "INSERT INTO feeds (id, url, next_check_at, created_at) VALUES (1, 'https://old.example/rss', 0, 0)",
    ).run();
    db.prepare(`INSERT INTO articles (id, feed_id, identity, archive_key, title, first_seen_at, last_seen_at, revision_count)
      VALUES (1, 1, 'guid:old', '0123456789abcdef', '舊聞', 0, 0, 1)`).run();
    db.prepare(
      "INSERT INTO revisions (article_id, number, title, raw_body, cleaned_body, seen_at) VALUES (1, 0, '舊聞', '<p>x</p>', '<p>歷史資料</p>', 0)",
    ).run();
    db.close();
    const store = await openStore({ backend: 'sqlite', path });
    expect(await ids(store, '历史')).toEqual([1]);
    expect(await ids(store, '旧闻')).toEqual([1]);
    await store.close();
  });
});
