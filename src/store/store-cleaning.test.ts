import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredLearnedRule } from './cleaning-types.ts';
import type { Store } from './store.ts';
import { makeEntry, storeBackends } from './testdata/store-backends.ts';

const T0 = 1_700_000_000_000;
const RULE: StoredLearnedRule = {
  edge: 'trailing',
  key: 'follow us on example',
  text: 'Follow us on Example',
  share: 0.9,
  sample: 20,
};

for (const backend of storeBackends()) {
  describe(`store cleaning state (${backend.name})`, () => {
    let store: Store;
    let feedId: number;
    beforeEach(async () => {
      store = await backend.open();
      const added = await store.addFeed({ url: 'https://a.example/rss', now: T0 });
      if (added.kind !== 'added') throw new Error(added.kind);
      feedId = added.feed.id;
    });
    afterEach(() => store.close());
    afterAll(() => backend.cleanup());

    it('starts empty, keeps learned rules and the generator, counts new articles until the next learning', async () => {
      expect(await store.getFeedCleaning(feedId)).toEqual({ feedId, learnedRules: [], newSinceLearning: 0 });
      expect(await store.updateFeedCleaning(feedId, { addNewArticles: 3, generator: 'WordPress 6.4' })).toBe(true);
      expect(await store.updateFeedCleaning(feedId, { addNewArticles: 2 })).toBe(true);
      expect(await store.getFeedCleaning(feedId)).toEqual({
        feedId,
        learnedRules: [],
        newSinceLearning: 5,
        generator: 'WordPress 6.4',
      });
      await store.updateFeedCleaning(feedId, { learnedRules: [RULE], at: T0 + 5 });
      expect(await store.getFeedCleaning(feedId)).toEqual({
        feedId,
        learnedRules: [RULE],
        learnedAt: T0 + 5,
        newSinceLearning: 0,
        generator: 'WordPress 6.4',
      });
      await store.updateFeedCleaning(feedId, { generator: null });
      expect((await store.getFeedCleaning(feedId)).generator).toBeUndefined();
      expect(await store.updateFeedCleaning(feedId + 99, { addNewArticles: 1 })).toBe(false);
    });

    it('forgets the cleaning state with a purged feed', async () => {
      await store.updateFeedCleaning(feedId, { learnedRules: [RULE] });
      await store.removeFeed(feedId, { purge: true });
      const again = await store.addFeed({ url: 'https://a.example/rss', now: T0 });
      if (again.kind !== 'added') throw new Error(again.kind);
      expect((await store.getFeedCleaning(again.feed.id)).learnedRules).toEqual([]);
    });

    it('returns the latest raw body of the most recent articles, newest first, without deleted ones', async () => {
      const entries = [1, 2, 3, 4].map((n) =>
        makeEntry(`guid:${n}`, { publishedAt: T0 + n * 1000, cleanedBody: `<p>v0 of ${n}</p>` }),
      );
      const outcomes = await store.recordEntries(feedId, entries, T0);
      await store.recordEntries(
        feedId,
        [makeEntry('guid:4', { publishedAt: T0 + 4000, cleanedBody: '<p>v1 of 4</p>' })],
        T0 + 1,
      );
      const third = outcomes[2];
      if (third.kind !== 'new') throw new Error(third.kind);
      await store.deleteArticle(third.articleId, T0 + 2);
      expect(await store.recentRawBodies(feedId, 2)).toEqual([
        '<p>v1 of 4</p><div>promo</div>',
        '<p>v0 of 2</p><div>promo</div>',
      ]);
    });

    it('pages through every revision body of a feed by revision id and reports entry states by identity', async () => {
      await store.recordEntries(
        feedId,
        [makeEntry('guid:a', { link: 'https://a.example/a' }), makeEntry('guid:b')],
        T0,
      );
      await store.recordEntries(
        feedId,
        [makeEntry('guid:a', { link: 'https://a.example/a2', cleanedBody: '<p>new</p>' })],
        T0 + 1,
      );
      const first = await store.listRevisionBodies({ feedId, limit: 2 });
      expect(first.map((r) => [r.number, r.link, r.archived])).toEqual([
        [0, 'https://a.example/a', false],
        [0, undefined, false],
      ]);
      const rest = await store.listRevisionBodies({ feedId, limit: 2, afterRevisionId: first[1].revisionId });
      expect(rest.map((r) => [r.number, r.link, r.rawBody, r.cleanedBody])).toEqual([
        [1, 'https://a.example/a2', '<p>new</p><div>promo</div>', '<p>new</p>'],
      ]);

      const states = await store.entryStates(feedId, ['guid:a', 'guid:b', 'guid:unknown']);
      expect([...states.keys()].sort()).toEqual(['guid:a', 'guid:b']);
      expect(states.get('guid:a')).toMatchObject({
        deleted: false,
        fingerprint: 'fp:<p>new</p>',
        link: 'https://a.example/a2',
      });
    });

    it('gives the archive records of chosen revisions, archived or not', async () => {
      const [created] = await store.recordEntries(feedId, [makeEntry('guid:a', { title: 'A' })], T0);
      if (created.kind !== 'new') throw new Error(created.kind);
      await store.markArchived([created.revisionId], T0 + 1);
      const [found] = await store.archiveRecordsOf([created.revisionId, 999_999]);
      expect(found).toMatchObject({
        revisionId: created.revisionId,
        feed: { url: 'https://a.example/rss' },
        record: { title: 'A', fileBody: 'cleaned', revision: 0 },
      });
      expect((await store.archiveRecordsOf([created.revisionId], { fileBody: 'raw' }))[0].record.fileBody).toBe('raw');
    });
  });
}
