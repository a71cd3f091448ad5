import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSearchCorpus } from '../../search/testdata/search-corpus.ts';
import { openStore } from '../open-store.ts';
import { createSearchIndexing } from './search-index.ts';
import { createStatements } from './statements.ts';

// Every stored token with its article, column and position: two indexes with the same listing find the same articles.
const listing = (db: Database.Database) => {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_fts, instance)');
  return db
    .prepare('SELECT term, doc, col, offset FROM temp.search_vocab ORDER BY term, doc, col, offset')
    .raw(true)
    .all();
};

describe('reindexing with the token pool', () => {
  let folder: string;
  let path: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tidings-search-index-'));
    path = join(folder, 'tidings.db');
    const store = await openStore({ backend: 'sqlite', path });
    const added = await store.addFeed({ url: 'https://a.example/rss', title: '聯合新聞網 World' });
    if (added.kind !== 'added') throw new Error('feed not added');
    const corpus = generateSearchCorpus(300);
    await store.recordEntries(
      added.feed.id,
      corpus.map((a) => ({
        identity: a.identity,
        title: a.title,
        titleKey: a.title,
        language: a.language,
        authors: [{ name: a.author }],
        categories: [{ term: a.category }],
        enclosures: [],
        publishedAt: a.publishedAt,
        rawBody: a.html,
        cleanedBody: a.html,
        fingerprint: a.identity,
      })),
      Date.UTC(2025, 0, 1),
    );
    await store.close();
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('writes the articles stored in one transaction as one index segment', () => {
    // Interleaved with the article inserts, each article's index row was flushed into a segment of its own.
    const db = new Database(path);
    try {
      expect(db.prepare('SELECT count(DISTINCT segid) FROM search_fts_idx').pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get()).toBe(300);
    } finally {
      db.close();
    }
  });

  it('writes exactly the index that indexing on this thread writes, and leaves the queue empty', () => {
    const db = new Database(path);
    try {
      const stored = listing(db);
      expect(stored.length).toBeGreaterThan(10_000);
      const pooled = createSearchIndexing({ db, sql: createStatements(db) }, { poolFrom: 1 });
      expect(pooled.reindex(40)).toBe(300);
      expect(listing(db)).toEqual(stored);
      expect(pooled.queuedCount()).toBe(0);
      const alone = createSearchIndexing({ db, sql: createStatements(db) }, { poolFrom: Infinity });
      alone.reindex(40);
      expect(listing(db)).toEqual(stored);
    } finally {
      db.close();
    }
  });

  it('keeps what is not yet indexed queued when a reindex stops half way', () => {
    const db = new Database(path);
    try {
      const indexing = createSearchIndexing({ db, sql: createStatements(db) }, { poolFrom: 1 });
      expect(() =>
        indexing.reindex(100, (done) => {
          if (done >= 100) throw new Error('killed');
        }),
      ).toThrow('killed');
      expect(indexing.queuedCount()).toBe(200);
      expect(indexing.drainSearchQueue()).toBe(200);
      expect(indexing.queuedCount()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get()).toBe(300);
    } finally {
      db.close();
    }
  });
});
