import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../util/seeded-random.ts';
import type { Store } from './store.ts';
import { makeEntry, storeBackends } from './testdata/store-backends.ts';

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;

// The shared seeded generator, so a failure names the seed that reproduces it.
function prng(seed: number): { int(max: number): number; pick<T>(list: readonly T[]): T | undefined } {
  const random = createSeededRandom(seed);
  return { int: (max) => random.int(0, max - 1), pick: (list) => (list.length === 0 ? undefined : random.pick(list)) };
}

/** The unread articles per feed, counted from the unread timeline (which never reads the counters). */
async function recount(store: Store, userId: number): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  const page = await store.listTimeline({ userId, view: 'unread', limit: 100_000 });
  for (const article of page.articles) counts.set(article.feedId, (counts.get(article.feedId) ?? 0) + 1);
  return counts;
}

for (const backend of storeBackends()) {
  describe(`unread counts (${backend.name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await backend.open();
    });
    afterEach(() => store.close());
    afterAll(() => backend.cleanup());

    async function expectCountsMatchRecount(userIds: number[], context: string): Promise<void> {
      for (const userId of userIds) {
        const counts = await store.unreadCounts(userId);
        const expected = await recount(store, userId);
        const actual = new Map(counts.feeds.filter((f) => f.unread !== 0).map((f) => [f.feedId, f.unread]));
        expect(actual, `${context}, user ${userId}`).toEqual(expected);
        expect(counts.total, `${context}, user ${userId}`).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      }
    }

    it('always equal a recount after random reading, fetching, subscribing, deleting and retention', async () => {
      for (const seed of [1, 2, 3]) {
        const random = prng(seed);
        const users: number[] = [];
        for (const name of ['ann', 'bob', 'cy']) {
          const created = await store.createUser({ name: `${name}${seed}`, passwordHash: 'scrypt$x', at: T0 });
          if (created.kind === 'created') users.push(created.user.id);
        }
        const feeds: number[] = [];
        let clock = T0;
        let serial = 0;
        for (let step = 0; step < 160; step++) {
          clock += 3_600_000;
          const user = random.pick(users);
          const feed = random.pick(feeds);
          const articleIds = (await store.listArticles({ limit: 1000 })).articles.map((a) => a.id);
          const op = random.int(13);
          if (op === 0 || feeds.length === 0) {
            const added = await store.addFeed({
              url: `https://feed${seed}-${feeds.length}.example/rss`,
              category: random.pick(['News', 'News/World', undefined]),
              now: clock,
            });
            if (added.kind === 'added') feeds.push(added.feed.id);
          } else if (op === 1 && user !== undefined && feed !== undefined) {
            await store.addSubscription({ userId: user, feedId: feed, at: clock });
          } else if (op === 2 && user !== undefined && feed !== undefined && random.int(3) === 0) {
            await store.removeSubscription(user, feed);
          } else if ((op === 3 || op === 4) && feed !== undefined) {
            const entries = Array.from({ length: 1 + random.int(6) }, () =>
              makeEntry(`e${random.int(serial + 3)}`, { publishedAt: clock - random.int(20) * DAY }),
            );
            serial += entries.length;
            await store.recordEntries(feed, entries, clock);
          } else if ((op === 5 || op === 6) && user !== undefined) {
            const ids = Array.from({ length: 1 + random.int(4) }, () => random.pick(articleIds) ?? 0);
            await store.markRead(user, ids, random.int(3) !== 0, clock);
          } else if (op === 7 && user !== undefined) {
            await store.markAllRead(user, {
              feedId: random.int(2) === 0 ? feed : undefined,
              before: random.int(2) === 0 ? clock - 5 * 3_600_000 : undefined,
              at: clock,
            });
          } else if (op === 8 && user !== undefined) {
            const id = random.pick(articleIds);
            if (id !== undefined) await store.setStarred(user, id, random.int(2) === 0, clock);
          } else if (op === 9) {
            const id = random.pick(articleIds);
            if (id !== undefined) await (random.int(2) === 0 ? store.deleteArticle(id, clock) : store.purgeArticle(id));
          } else if (op === 10 && feed !== undefined && random.int(3) === 0) {
            const purge = random.int(2) === 0;
            await store.removeFeed(feed, { purge, at: clock });
            if (purge) feeds.splice(feeds.indexOf(feed), 1);
            else await store.addFeed({ url: (await store.getFeed(feed))!.url, now: clock + 1 });
          } else if (op === 11 && feed !== undefined) {
            await store.updateFeed(feed, { settings: { retentionDays: 10 + random.int(10) } });
            await store.applyRetention(clock);
            await store.updateFeed(feed, { settings: { retentionDays: null } });
          } else if (op === 12 && user !== undefined && users.length > 1 && random.int(4) === 0) {
            await store.deleteUser(user);
            users.splice(users.indexOf(user), 1);
          }
          await expectCountsMatchRecount(users, `seed ${seed}, step ${step}, operation ${op}`);
        }
      }
    });

    it('count a new subscription in full and hide a removed feed until it is restored', async () => {
      const created = await store.createUser({ name: 'ann', passwordHash: 'scrypt$x', at: T0 });
      if (created.kind !== 'created') throw new Error(created.kind);
      const ann = created.user.id;
      const added = await store.addFeed({ url: 'https://a.example/rss', category: 'News/World', now: T0 });
      if (added.kind !== 'added') throw new Error(added.kind);
      const outcomes = await store.recordEntries(added.feed.id, [makeEntry('a'), makeEntry('b'), makeEntry('c')], T0);
      const [first] = outcomes.map((o) => ('articleId' in o ? o.articleId : 0));
      await store.markRead(ann, [first], true, T0);
      await store.addSubscription({ userId: ann, feedId: added.feed.id, at: T0 });
      expect(await store.unreadCounts(ann)).toEqual({
        total: 2,
        feeds: [{ feedId: added.feed.id, unread: 2 }],
        categories: [
          { category: 'News', unread: 2 },
          { category: 'News/World', unread: 2 },
        ],
      });
      await store.removeFeed(added.feed.id, { at: T0 + 1 });
      expect((await store.unreadCounts(ann)).total).toBe(0);
      await store.addFeed({ url: 'https://a.example/rss', now: T0 + 2 });
      expect((await store.unreadCounts(ann)).total).toBe(2);
    });
  });
}
