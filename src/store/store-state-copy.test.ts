import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.ts';
import type { Store } from './store.ts';
import { makeEntry } from './testdata/store-backends.ts';

const T0 = Date.UTC(2026, 0, 1);

describe('copyStateFrom (a database rebuilt from the archive keeps what the archive does not hold)', () => {
  let folder: string;
  let oldPath: string;
  let before: Store;
  let after: Store;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tidings-state-copy-'));
    oldPath = join(folder, 'old.db');
    before = await openStore({ backend: 'sqlite', path: oldPath });
    after = await openStore({ backend: 'sqlite', path: join(folder, 'new.db') });
  });
  afterEach(async () => {
    await before.close();
    await after.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function addFeed(store: Store, url: string): Promise<number> {
    const added = await store.addFeed({ url, now: T0 });
    if (added.kind !== 'added') throw new Error(added.kind);
    return added.feed.id;
  }

  // The old database's archive as a rebuild imports it (files stay when an article is deleted later).
  async function importArchiveOf(store: Store): Promise<void> {
    for await (const exported of store.exportRecords()) {
      if (exported.records.length > 0)
        await after.importRecords(exported.feed, exported.records, { now: T0, archivedAt: T0 });
    }
  }

  it('keeps accounts, settings, validators, subscriptions, marks and tombstones, matched by URL and identity', async () => {
    const created = await before.createUser({ name: 'Ada', passwordHash: 'hash', admin: true, at: T0 });
    if (created.kind !== 'created') throw new Error(created.kind);
    const userId = created.user.id;
    await before.createSession({ id: 'session-hash', userId, createdAt: T0, expiresAt: T0 + 86_400_000 });
    await before.createApiToken({ userId, tokenHash: 'token-hash', name: 'reader app', scope: 'read' });
    await before.setUserPreferences(userId, { theme: 'dark' });
    await before.saveSearch({ userId, name: 'nuclear', query: '核 OR nuclear' });

    await addFeed(before, 'https://first.example/rss');
    const news = await addFeed(before, 'https://news.example/rss');
    const quiet = await addFeed(before, 'https://quiet.example/rss');
    await before.updateFeed(news, { settings: { fullText: 'auto', encodingOverride: 'gbk', retentionDays: 90 } });
    await before.updateFeedCleaning(news, { generator: 'WordPress 6.4', addNewArticles: 7 });
    await before.recordFetch(news, {
      startedAt: T0,
      durationMs: 5,
      outcome: 'ok',
      httpStatus: 200,
      validators: { etag: '"v1"' },
      schedule: { nextCheckAt: T0 + 3_600_000 },
    });
    const outcomes = await before.recordEntries(
      news,
      ['kept', 'read', 'deleted', 'files-removed'].map((id) => makeEntry(id)),
      T0,
    );
    const [kept, read, deleted, filesRemoved] = outcomes.map((o) => (o.kind === 'new' ? o.articleId : -1));
    await importArchiveOf(before);
    await before.addSubscription({ userId, feedId: news, category: 'World' });
    await before.addSubscription({ userId, feedId: quiet });
    await before.markRead(userId, [read], true, T0);
    await before.setStarred(userId, kept, true, T0);
    await before.deleteArticle(deleted, T0);
    await before.deleteArticle(filesRemoved, T0);
    // A deleted article whose files were removed by hand is not in the rebuilt database: it comes back as a bare tombstone.
    await after.purgeArticle(
      (await after.listArticles({ limit: 10 })).articles.find((a) => a.identity === 'files-removed')!.id,
    );

    expect(await after.copyStateFrom({ backend: 'sqlite', path: oldPath })).toEqual({
      users: 1,
      feedsAdded: 2,
      subscriptions: 2,
      marks: 2,
      tombstones: 2,
    });

    expect(await after.findSession('session-hash')).toMatchObject({ user: { name: 'Ada', admin: true } });
    expect(await after.findApiToken('token-hash')).toMatchObject({ token: { name: 'reader app' } });
    expect(await after.getUserPreferences(userId)).toEqual({ theme: 'dark' });
    expect((await after.listSavedSearches({ userId })).map((s) => s.query)).toEqual(['核 OR nuclear']);
    const feeds = await after.listFeeds();
    const newsNow = feeds.find((f) => f.url === 'https://news.example/rss')!;
    expect(newsNow.settings).toMatchObject({ fullText: 'auto', encodingOverride: 'gbk', retentionDays: 90 });
    expect(newsNow.validators).toEqual({ etag: '"v1"' });
    expect(feeds.map((f) => f.url).sort()).toEqual([
      'https://first.example/rss',
      'https://news.example/rss',
      'https://quiet.example/rss',
    ]);
    expect((await after.listSubscriptions(userId)).map((s) => [s.feed.url, s.category]).sort()).toEqual([
      ['https://news.example/rss', 'World'],
      ['https://quiet.example/rss', undefined],
    ]);
    expect(await after.listFetchLog(newsNow.id, 5)).toHaveLength(1);
    expect(await after.getFeedCleaning(newsNow.id)).toMatchObject({ generator: 'WordPress 6.4', newSinceLearning: 7 });

    const ids = new Map(
      (await after.listArticles({ limit: 10, includeDeleted: true })).articles.map((a) => [a.identity, a]),
    );
    expect([...ids.keys()].sort()).toEqual(['deleted', 'files-removed', 'kept', 'read']);
    expect(ids.get('deleted')?.deletedAt).toBe(T0);
    expect(ids.get('files-removed')).toMatchObject({ deletedAt: T0, revisionCount: 0 });
    const states = await after.articleStates(userId, [ids.get('kept')!.id, ids.get('read')!.id]);
    expect([...states.values()].map((s) => [s.read, s.starred])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect((await after.unreadCounts(userId)).total).toBe(1);
    expect(
      await after.recordEntries(newsNow.id, [makeEntry('deleted'), makeEntry('files-removed')], T0 + 1),
    ).toMatchObject([{ kind: 'tombstoned' }, { kind: 'tombstoned' }]);
  });
});
