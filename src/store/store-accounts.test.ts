import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineArticle, TimelineOptions } from './account-types.ts';
import type { Store } from './store.ts';
import { makeEntry, storeBackends } from './testdata/store-backends.ts';

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;

for (const backend of storeBackends()) {
  describe(`store accounts (${backend.name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await backend.open();
    });
    afterEach(() => store.close());
    afterAll(() => backend.cleanup());

    async function user(name: string, admin = false): Promise<number> {
      const created = await store.createUser({ name, passwordHash: `scrypt$hash-of-${name}`, admin, at: T0 });
      if (created.kind !== 'created') throw new Error(created.kind);
      return created.user.id;
    }

    async function feedWithArticles(
      url: string,
      count: number,
      category?: string,
    ): Promise<{ feedId: number; articleIds: number[] }> {
      const added = await store.addFeed({ url, category, now: T0 });
      if (added.kind !== 'added') throw new Error(added.kind);
      const entries = Array.from({ length: count }, (_, i) => makeEntry(`${url}#${i}`, { publishedAt: T0 + i * HOUR }));
      const outcomes = await store.recordEntries(added.feed.id, entries, T0 + count * HOUR);
      return { feedId: added.feed.id, articleIds: outcomes.map((o) => ('articleId' in o ? o.articleId : -1)) };
    }

    it('keeps user names unique in any letter case and returns credentials only when asked', async () => {
      const created = await store.createUser({ name: ' Łukasz ', passwordHash: 'scrypt$x', admin: true, at: T0 });
      expect(created).toEqual({
        kind: 'created',
        user: { id: expect.any(Number), name: 'Łukasz', admin: true, createdAt: T0 },
      });
      expect((await store.createUser({ name: 'łUKASZ', passwordHash: 'scrypt$y' })).kind).toBe('exists');
      expect((await store.createUser({ name: '  ', passwordHash: 'scrypt$y' })).kind).toBe('invalid');
      expect(await store.findUserByName('ŁUKASZ')).toMatchObject({ name: 'Łukasz' });
      expect(await store.getUserCredentials('łukasz')).toMatchObject({
        passwordHash: 'scrypt$x',
        user: { name: 'Łukasz' },
      });
      expect(await store.findUserByName('nobody')).toBeUndefined();
      expect(await store.countUsers()).toBe(1);
    });

    it('changes password, admin flag and disabled state', async () => {
      const id = await user('ann');
      expect(await store.updateUser(id, { passwordHash: 'scrypt$new', admin: true, disabled: true, at: T0 + 5 })).toBe(
        true,
      );
      expect(await store.getUser(id)).toEqual({ id, name: 'ann', admin: true, createdAt: T0, disabledAt: T0 + 5 });
      expect((await store.getUserCredentials('ann'))?.passwordHash).toBe('scrypt$new');
      await store.updateUser(id, { disabled: false });
      expect((await store.getUser(id))?.disabledAt).toBeUndefined();
      expect(await store.updateUser(999, { admin: true })).toBe(false);
      expect((await store.listUsers()).map((u) => u.name)).toEqual(['ann']);
    });

    it('stores sessions by id, finds them with their user, and deletes them one by one or all of a user', async () => {
      const ann = await user('ann');
      const bob = await user('bob');
      await store.createSession({
        id: 'h1',
        userId: ann,
        createdAt: T0,
        expiresAt: T0 + HOUR,
        userAgent: 'UA',
        ip: '127.0.0.1',
      });
      await store.createSession({ id: 'h2', userId: ann, createdAt: T0 + 1, expiresAt: T0 + 2 * HOUR });
      await store.createSession({ id: 'h3', userId: bob, createdAt: T0, expiresAt: T0 + HOUR });
      expect(await store.findSession('h1')).toEqual({
        session: {
          id: 'h1',
          userId: ann,
          createdAt: T0,
          lastSeenAt: T0,
          expiresAt: T0 + HOUR,
          userAgent: 'UA',
          ip: '127.0.0.1',
        },
        user: { id: ann, name: 'ann', admin: false, createdAt: T0 },
      });
      expect(await store.touchSession('h1', T0 + 10, T0 + 3 * HOUR)).toBe(true);
      expect((await store.listSessions(ann)).map((s) => s.id)).toEqual(['h1', 'h2']);
      expect(await store.deleteSession('h2')).toBe(true);
      expect(await store.deleteSession('h2')).toBe(false);
      expect(await store.deleteExpiredSessions(T0 + HOUR)).toBe(1);
      expect(await store.findSession('h3')).toBeUndefined();
      expect(await store.deleteUserSessions(ann)).toBe(1);
      expect(await store.findSession('h1')).toBeUndefined();
    });

    it('stores API tokens by hash; a user can revoke only their own', async () => {
      const ann = await user('ann');
      const bob = await user('bob');
      const token = await store.createApiToken({ userId: ann, tokenHash: 'th1', name: 'phone', scope: 'read', at: T0 });
      expect(token).toEqual({ id: expect.any(Number), userId: ann, name: 'phone', scope: 'read', createdAt: T0 });
      await store.touchApiToken(token.id, T0 + 9);
      expect(await store.findApiToken('th1')).toEqual({
        token: { ...token, lastUsedAt: T0 + 9 },
        user: expect.objectContaining({ name: 'ann' }),
      });
      expect(await store.findApiToken('nope')).toBeUndefined();
      expect(await store.listApiTokens(bob)).toEqual([]);
      expect(await store.listApiTokens()).toHaveLength(1);
      expect(await store.deleteApiToken(token.id, bob)).toBe(false);
      expect(await store.deleteApiToken(token.id, ann)).toBe(true);
      expect(await store.listApiTokens(ann)).toEqual([]);
    });

    it('subscribes users to one shared feed row with their own title and category', async () => {
      const ann = await user('ann');
      const bob = await user('bob');
      const { feedId } = await feedWithArticles('https://a.example/rss', 1, 'News');
      const other = await feedWithArticles('https://b.example/rss', 1);
      const added = await store.addSubscription({ userId: ann, feedId, title: 'Mine', category: ' Tech/AI ', at: T0 });
      expect(added).toMatchObject({
        kind: 'added',
        subscription: {
          userId: ann,
          feedId,
          title: 'Mine',
          category: 'Tech/AI',
          displayTitle: 'Mine',
          displayCategory: 'Tech/AI',
          addedAt: T0,
        },
      });
      expect((await store.addSubscription({ userId: ann, feedId })).kind).toBe('exists');
      expect(await store.addSubscription({ userId: ann, feedId: 999 })).toEqual({ kind: 'not-found' });
      await store.addSubscription({ userId: bob, feedId, title: '' });
      await store.addSubscription({ userId: ann, feedId: other.feedId });
      expect(await store.countSubscribers(feedId)).toBe(2);
      expect(await store.getSubscription(bob, feedId)).toMatchObject({
        displayTitle: 'https://a.example/rss',
        displayCategory: 'News',
      });
      expect((await store.getSubscription(bob, feedId))?.title).toBeUndefined();
      expect((await store.listSubscriptions(ann)).map((s) => s.displayTitle)).toEqual([
        'Mine',
        'https://b.example/rss',
      ]);
      expect(await store.listSubscriptionLabels(ann)).toEqual([
        { feedId, displayTitle: 'Mine', displayCategory: 'Tech/AI' },
        { feedId: other.feedId, displayTitle: 'https://b.example/rss' },
      ]);

      expect(await store.updateSubscription(ann, feedId, { title: null, category: 'Z' })).toBe(true);
      expect(await store.getSubscription(ann, feedId)).toMatchObject({
        displayTitle: 'https://a.example/rss',
        category: 'Z',
      });
      expect(await store.updateSubscription(bob, other.feedId, { title: 'x' })).toBe(false);

      await store.removeFeed(other.feedId);
      expect((await store.listSubscriptions(ann)).map((s) => s.feedId)).toEqual([feedId]);
      expect((await store.listSubscriptionLabels(ann)).map((s) => s.feedId)).toEqual([feedId]);
      expect(await store.listSubscriptions(ann, { includeRemovedFeeds: true })).toHaveLength(2);
      expect(await store.removeSubscription(ann, feedId)).toBe(true);
      expect(await store.removeSubscription(ann, feedId)).toBe(false);
      await store.removeFeed(feedId, { purge: true });
      expect(await store.countSubscribers(feedId)).toBe(0);
    });

    it("pages the unread, all and starred timelines newest first with each user's own state", async () => {
      const ann = await user('ann');
      const bob = await user('bob');
      const a = await feedWithArticles('https://a.example/rss', 3, 'News/World');
      const b = await feedWithArticles('https://b.example/rss', 2, 'Tech');
      await store.addSubscription({ userId: ann, feedId: a.feedId, title: 'A' });
      await store.addSubscription({ userId: ann, feedId: b.feedId });
      await store.addSubscription({ userId: bob, feedId: a.feedId });

      const all = await store.listTimeline({ userId: ann, view: 'all', limit: 10 });
      expect(all.articles.map((x) => x.id)).toEqual([
        a.articleIds[2],
        b.articleIds[1],
        a.articleIds[1],
        b.articleIds[0],
        a.articleIds[0],
      ]);
      expect(all.articles[0]).toMatchObject({
        read: false,
        starred: false,
        feedTitle: 'A',
        title: `Title of https://a.example/rss#2`,
      });

      expect(await store.markRead(ann, [a.articleIds[2], a.articleIds[2], 99_999], true, T0 + 7)).toBe(1);
      expect(await store.markRead(ann, [a.articleIds[2]], true)).toBe(0);
      expect(await store.setStarred(ann, a.articleIds[0], true, T0 + 8)).toBe(true);
      expect(await store.setStarred(ann, 99_999, true)).toBe(false);

      const first = await store.listTimeline({ userId: ann, view: 'unread', limit: 2 });
      expect(first.articles.map((x) => x.id)).toEqual([b.articleIds[1], a.articleIds[1]]);
      const second = await store.listTimeline({ userId: ann, view: 'unread', limit: 2, cursor: first.nextCursor });
      expect(second.articles.map((x) => x.id)).toEqual([b.articleIds[0], a.articleIds[0]]);
      expect(second.articles[1]).toMatchObject({ starred: true, starredAt: T0 + 8, read: false });
      expect(second.nextCursor).toBeUndefined();

      expect((await store.listTimeline({ userId: bob, view: 'unread', limit: 10 })).articles).toHaveLength(3);
      expect((await store.listTimeline({ userId: bob, view: 'starred', limit: 10 })).articles).toEqual([]);
      expect(
        (await store.listTimeline({ userId: ann, view: 'all', limit: 10, feedId: b.feedId })).articles,
      ).toHaveLength(2);
      expect(
        (await store.listTimeline({ userId: ann, view: 'all', limit: 10, category: 'News' })).articles,
      ).toHaveLength(3);
      expect(
        (await store.listTimeline({ userId: ann, view: 'all', limit: 10, category: 'New' })).articles,
      ).toHaveLength(0);
      await expect(store.listTimeline({ userId: ann, view: 'all', limit: 10, cursor: 'bogus' })).rejects.toMatchObject({
        code: 'input.invalid',
      });
      await expect(store.listTimeline({ userId: ann, view: 'all', limit: 0 })).rejects.toMatchObject({
        code: 'input.invalid',
      });

      // Starred articles stay after unsubscribing; deleted ones disappear everywhere.
      await store.removeSubscription(ann, a.feedId);
      expect((await store.listTimeline({ userId: ann, view: 'starred', limit: 10 })).articles.map((x) => x.id)).toEqual(
        [a.articleIds[0]],
      );
      expect((await store.listTimeline({ userId: ann, view: 'all', limit: 10 })).articles).toHaveLength(2);
      await store.deleteArticle(b.articleIds[0]);
      expect((await store.listTimeline({ userId: ann, view: 'all', limit: 10 })).articles.map((x) => x.id)).toEqual([
        b.articleIds[1],
      ]);
    });

    it('lists the same timeline pages as list items, with only what a list shows', async () => {
      const ann = await user('ann');
      const a = await feedWithArticles('https://a.example/rss', 3, 'News/World');
      const b = await feedWithArticles('https://b.example/rss', 2, 'Tech');
      await store.addSubscription({ userId: ann, feedId: a.feedId, title: 'A' });
      await store.addSubscription({ userId: ann, feedId: b.feedId });
      await store.markRead(ann, [a.articleIds[2]], true);
      await store.setStarred(ann, b.articleIds[0], true);
      const asItem = (x: TimelineArticle) => {
        const { id, feedId, feedTitle, title, link, language, time, revisionCount, read, starred } = x;
        return Object.fromEntries(
          Object.entries({ id, feedId, feedTitle, title, link, language, time, revisionCount, read, starred }).filter(
            ([, value]) => value !== undefined,
          ),
        );
      };
      const requests: TimelineOptions[] = [
        { userId: ann, view: 'all', limit: 10 },
        { userId: ann, view: 'unread', limit: 2 },
        { userId: ann, view: 'starred', limit: 10 },
        { userId: ann, view: 'all', limit: 10, category: 'News' },
        { userId: ann, view: 'unread', limit: 10, feedId: b.feedId },
      ];
      for (const request of requests) {
        let cursor: string | undefined;
        do {
          const full = await store.listTimeline({ ...request, cursor });
          const items = await store.listTimelineItems({ ...request, cursor });
          expect(items.articles.length, request.view).toBeGreaterThan(0);
          expect(items.articles, request.view).toEqual(full.articles.map(asItem));
          expect(items.nextCursor).toBe(full.nextCursor);
          cursor = full.nextCursor;
        } while (cursor !== undefined);
      }
      expect((await store.listTimelineItems({ userId: ann, view: 'all', limit: 1 })).articles[0]).toMatchObject({
        feedTitle: 'A',
        read: true,
      });
      await expect(
        store.listTimelineItems({ userId: ann, view: 'all', limit: 10, cursor: 'bogus' }),
      ).rejects.toMatchObject({ code: 'input.invalid' });
      await expect(store.listTimelineItems({ userId: ann, view: 'all', limit: 0 })).rejects.toMatchObject({
        code: 'input.invalid',
      });
    });

    it('marks read and unread, marks all read by feed, category or first-seen time, and counts unread', async () => {
      const ann = await user('ann');
      const a = await feedWithArticles('https://a.example/rss', 3, 'News/World');
      const b = await feedWithArticles('https://b.example/rss', 2, 'News');
      const c = await feedWithArticles('https://c.example/rss', 1);
      for (const feedId of [a.feedId, b.feedId, c.feedId]) await store.addSubscription({ userId: ann, feedId });
      expect(await store.unreadCounts(ann)).toEqual({
        total: 6,
        feeds: [
          { feedId: a.feedId, unread: 3 },
          { feedId: b.feedId, unread: 2 },
          { feedId: c.feedId, unread: 1 },
        ],
        categories: [
          { category: 'News', unread: 5 },
          { category: 'News/World', unread: 3 },
        ],
      });

      await store.setStarred(ann, b.articleIds[0], true);
      expect(await store.markAllRead(ann, { category: 'News/World' })).toBe(3);
      expect(await store.markRead(ann, [a.articleIds[1]], false)).toBe(1);
      expect((await store.unreadCounts(ann)).categories).toEqual([
        { category: 'News', unread: 3 },
        { category: 'News/World', unread: 1 },
      ]);
      expect(await store.articleStates(ann, [a.articleIds[0], a.articleIds[1], b.articleIds[0]])).toEqual(
        new Map([
          [a.articleIds[0], { read: true, starred: false, readAt: expect.any(Number) }],
          [a.articleIds[1], { read: false, starred: false }],
          [b.articleIds[0], { read: false, starred: true, starredAt: expect.any(Number) }],
        ]),
      );

      // An article that arrives after the page was shown stays unread.
      const late = await store.recordEntries(c.feedId, [makeEntry('late')], T0 + 100 * HOUR);
      expect(await store.markAllRead(ann, { feedId: c.feedId, before: T0 + 50 * HOUR })).toBe(1);
      expect(
        (await store.listTimeline({ userId: ann, view: 'unread', limit: 10, feedId: c.feedId })).articles.map(
          (x) => x.id,
        ),
      ).toEqual(['articleId' in late[0] ? late[0].articleId : -1]);
      expect(await store.markAllRead(ann)).toBe(4);
      expect((await store.unreadCounts(ann)).total).toBe(0);
      expect((await store.listTimeline({ userId: ann, view: 'starred', limit: 10 })).articles[0]).toMatchObject({
        read: true,
        starred: true,
      });
    });

    it('deletes everything of a user with the user', async () => {
      const ann = await user('ann');
      const a = await feedWithArticles('https://a.example/rss', 1);
      await store.addSubscription({ userId: ann, feedId: a.feedId });
      await store.setStarred(ann, a.articleIds[0], true);
      await store.createSession({ id: 'h', userId: ann, createdAt: T0, expiresAt: T0 + HOUR });
      await store.createApiToken({ userId: ann, tokenHash: 't', name: 'x', scope: 'read-write' });
      expect(await store.deleteUser(ann)).toBe(true);
      expect(await store.deleteUser(ann)).toBe(false);
      expect(await store.findSession('h')).toBeUndefined();
      expect(await store.findApiToken('t')).toBeUndefined();
      expect(await store.countSubscribers(a.feedId)).toBe(0);
      expect(await store.getFeed(a.feedId)).toBeDefined();
      expect(await store.integrityCheck()).toEqual({ kind: 'ok' });
    });
  });
}
