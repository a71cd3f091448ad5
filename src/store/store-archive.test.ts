import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleKey } from '../domain/archive-record.ts';
import { serializeFeed, serializeRecord, type ArchiveRecord } from '../archive/serialize-sidecars.ts';
import { canonicalRecords } from '../archive/export-archive.ts';
import { sampleFeeds } from '../archive/testdata/sample-records.ts';
import type { ExportedFeed } from './archive-types.ts';
import type { Store } from './store.ts';
import { makeEntry, storeBackends } from './testdata/store-backends.ts';

const T0 = 1_700_000_000_000;

async function exportAll(store: Store, options?: Parameters<Store['exportRecords']>[0]) {
  const feeds: Array<Omit<ExportedFeed, 'feedId'>> = [];
  for await (const { feed, records } of store.exportRecords(options)) feeds.push({ feed, records });
  return feeds;
}

for (const backend of storeBackends()) {
  describe(`store archive (${backend.name})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await backend.open();
    });
    afterEach(() => store.close());
    afterAll(() => backend.cleanup());

    it('lists revisions without an archive file as records, until they are marked archived', async () => {
      const added = await store.addFeed({ url: 'https://a.example/rss', now: T0 });
      if (added.kind !== 'added') throw new Error(added.kind);
      await store.recordFetch(added.feed.id, {
        startedAt: T0,
        durationMs: 1,
        outcome: 'ok',
        schedule: { nextCheckAt: T0 },
        document: { title: 'Feed A' },
      });
      await store.recordEntries(
        added.feed.id,
        [makeEntry('guid:1', { link: 'https://a.example/1', publishedAt: T0 - 5 })],
        T0,
      );
      await store.recordEntries(added.feed.id, [makeEntry('guid:1', { cleanedBody: '<p>v2</p>' })], T0 + 10);
      const pending = await store.pendingArchiveRevisions(10);
      expect(pending.map((p) => p.record.file)).toEqual([
        `000_${articleKey('guid:1')}.txt`,
        `001_${articleKey('guid:1')}.txt`,
      ]);
      expect(pending[0].feed).toEqual({ url: 'https://a.example/rss', title: 'Feed A' });
      expect(pending[0].record).toMatchObject({
        identity: 'guid:1',
        revision: 0,
        feedUrl: 'https://a.example/rss',
        feedTitle: 'Feed A',
        link: 'https://a.example/1',
        publishedAt: T0 - 5,
        seenAt: T0,
        fileBody: 'cleaned',
        cleanedBody: '<p>Body of guid:1</p>',
      });
      expect(pending[0].record.firstSeenAt).toBeUndefined();
      expect(pending[1].record).toMatchObject({
        revision: 1,
        seenAt: T0 + 10,
        firstSeenAt: T0,
        cleanedBody: '<p>v2</p>',
      });
      expect(await store.pendingArchiveRevisions(1)).toHaveLength(1);

      const ids = pending.map((p) => p.revisionId);
      expect(await store.markArchived([ids[0], 9999], T0 + 20)).toEqual([
        { revisionId: ids[0], kind: 'updated' },
        { revisionId: 9999, kind: 'not-found' },
      ]);
      expect(await store.markArchived([ids[0]], T0 + 30)).toEqual([{ revisionId: ids[0], kind: 'already-archived' }]);
      expect((await store.pendingArchiveRevisions(10)).map((p) => p.revisionId)).toEqual([ids[1]]);
      expect((await store.getArticle(pending[0].articleId))?.revisions[0].archivedAt).toBe(T0 + 20);
      expect((await store.counts()).pendingArchive).toBe(1);
    });

    it('imports archive records and exports exactly the same records, in canonical order', async () => {
      const feeds = sampleFeeds(3, 7);
      for (const { feed, records } of [...feeds].reverse()) {
        const result = await store.importRecords(feed, [...records].reverse(), { now: T0 });
        expect(result).toMatchObject({ imported: records.length, skipped: 0, invalid: [] });
      }
      const byUrl = [...feeds].sort((a, b) => (a.feed.url < b.feed.url ? -1 : 1));
      const exported = await exportAll(store);
      expect(exported).toEqual(byUrl.map(({ feed, records }) => ({ feed, records: canonicalRecords(records) })));
      // The sample records carry explicit `undefined`s; the archive's canonical text is what must be identical.
      const text = (list: typeof exported) =>
        list.map(({ feed, records }) => serializeFeed(feed) + records.map(serializeRecord).join(''));
      expect(text(exported)).toEqual(
        text(byUrl.map(({ feed, records }) => ({ feed, records: canonicalRecords(records) }))),
      );
    });

    it('export → import into an empty store → export is identical, raw bodies and revisions included', async () => {
      const added = await store.addFeed({ url: 'https://a.example/rss', title: '新闻', category: '国际', now: T0 });
      if (added.kind !== 'added') throw new Error(added.kind);
      const feedId = added.feed.id;
      await store.recordEntries(
        feedId,
        [
          makeEntry('guid:1', {
            authors: [{ name: '记者' }],
            enclosures: [{ url: 'https://a.example/a.mp3', length: 3 }],
          }),
          makeEntry('link:https://a.example/2', { title: 'a [b] \\c', publishedAt: T0 - 1000 }),
        ],
        T0,
      );
      await store.recordEntries(feedId, [makeEntry('guid:1', { cleanedBody: '<p>v2</p>' })], T0 + 1);
      const [doomed] = await store.recordEntries(feedId, [makeEntry('guid:deleted')], T0);
      if (doomed.kind === 'new') await store.deleteArticle(doomed.articleId);
      await store.addFeed({ url: 'https://empty.example/rss', now: T0 });

      const first = await exportAll(store);
      expect(first.map((f) => f.records.length)).toEqual([3, 0]);
      expect(first[0].records.every((r) => r.identity !== 'guid:deleted')).toBe(true);
      const copy = await backend.open();
      try {
        for (const { feed, records } of first) await copy.importRecords(feed, records);
        expect(await exportAll(copy)).toStrictEqual(first);
        expect(await exportAll(copy, { fileBody: 'raw' })).toStrictEqual(await exportAll(store, { fileBody: 'raw' }));
      } finally {
        await copy.close();
      }
    });

    it('imports idempotently, marks archived revisions when asked, and continues numbering after imported ones', async () => {
      const [{ feed, records }] = sampleFeeds(1, 3);
      const first = await store.importRecords(feed, records, { archivedAt: T0 });
      const again = await store.importRecords(feed, records);
      expect(again).toEqual({ feedId: first.feedId, imported: 0, skipped: records.length, invalid: [] });
      expect((await store.counts()).revisions).toBe(records.length);
      expect(await store.pendingArchiveRevisions(10)).toEqual([]);

      const tops = new Map<string, ArchiveRecord>();
      for (const r of records) if ((tops.get(r.identity)?.revision ?? -1) < r.revision) tops.set(r.identity, r);
      const compared = [...tops.values()].find((r) => r.fingerprint !== undefined)!;
      const blind = [...tops.values()].find((r) => r.fingerprint === undefined)!;
      expect(compared).toBeDefined();
      expect(blind).toBeDefined();
      // Imported revisions have no title key: the fingerprint alone decides; without one, a new revision is safer than a lost one.
      const outcomes = await store.recordEntries(
        first.feedId,
        [
          makeEntry(compared.identity, { fingerprint: compared.fingerprint, title: 'any title' }),
          makeEntry(compared.identity, { fingerprint: 'fp:new text' }),
          makeEntry(blind.identity),
        ],
        T0 + 1,
      );
      expect(outcomes).toMatchObject([
        { kind: 'unchanged' },
        { kind: 'revised', revision: compared.revision + 1 },
        { kind: 'revised', revision: blind.revision + 1 },
      ]);
    });

    it('reports records that break the archive rules by file, and imports the rest', async () => {
      const [{ feed, records }] = sampleFeeds(1, 5);
      const broken = { ...records[0], file: '000_0000000000000000.txt' };
      const result = await store.importRecords(feed, [broken, ...records.slice(1)]);
      expect(result.invalid).toEqual([
        { file: '000_0000000000000000.txt', reason: expect.stringContaining('does not match') },
      ]);
      expect(result.imported).toBe(records.length - 1);
    });

    it('does not import into an article the user deleted', async () => {
      const [{ feed, records }] = sampleFeeds(1, 9);
      const { feedId } = await store.importRecords(
        feed,
        records.filter((r) => r.revision === 0),
      );
      const page = await store.listArticles({ feedId, limit: 100 });
      const victim = page.articles[0];
      await store.deleteArticle(victim.id);
      const rest = records.filter((r) => r.revision > 0);
      const result = await store.importRecords(feed, rest);
      const victimRecords = rest.filter((r) => r.identity === victim.identity).length;
      expect(result.skipped).toBe(victimRecords);
      expect(result.imported).toBe(rest.length - victimRecords);
    });
  });
}
