import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import type { Store } from '../store.ts';

// What an older sqlite3 shell (without FTS5's contentless_delete, before 3.43) can do with tidings.db.
let folder: string;
let path: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tidings-hand-edits-'));
  path = join(folder, 'tidings.db');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function storeWith(words: string[]): Promise<{ store: Store; ids: number[] }> {
  const store = await openStore({ backend: 'sqlite', path });
  const added = await store.addFeed({ url: 'https://a.example/rss', title: 'A' });
  if (added.kind !== 'added') throw new Error('feed not added');
  const outcomes = await store.recordEntries(
    added.feed.id,
    words.map((word, i) => ({
      identity: word,
      title: `about ${word}`,
      titleKey: word,
      authors: [],
      categories: [],
      enclosures: [],
      publishedAt: Date.UTC(2025, 0, 1 + i),
      rawBody: `<p>${word}</p>`,
      cleanedBody: `<p>${word}</p>`,
      fingerprint: word,
    })),
    Date.UTC(2025, 1, 1),
  );
  return { store, ids: outcomes.map((o) => ('articleId' in o ? o.articleId : 0)) };
}

// The articles whose index row holds `word` (the tokenizer keeps a plain lowercase word as it is).
function found(word: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid')
      .pluck()
      .all(word) as number[];
  } finally {
    db.close();
  }
}

const indexRows = (db: Database.Database) => db.prepare('SELECT count(*) FROM search_fts_docsize').pluck().get();

describe('tidings.db edited by hand', () => {
  it('has no trigger or view that names the search index, so writes never need its FTS5 options', async () => {
    const { store } = await storeWith(['apple']);
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      const naming = db
        .prepare("SELECT name FROM sqlite_schema WHERE type IN ('trigger', 'view') AND sql LIKE '%search_fts%'")
        .pluck()
        .all();
      expect(naming).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('catches the index up at the next open after articles were deleted and tombstoned outside Tidings', async () => {
    const { store, ids } = await storeWith(['apple', 'banana', 'cherry']);
    await store.close();
    const db = new Database(path);
    db.exec(`DELETE FROM articles WHERE id = ${ids[2]}; UPDATE articles SET deleted_at = 1 WHERE id = ${ids[1]};`);
    expect(indexRows(db)).toBe(3);
    db.close();
    const reopened = await openStore({ backend: 'sqlite', path });
    try {
      const check = new Database(path, { readonly: true });
      expect(indexRows(check)).toBe(1);
      check.close();
      // The deleted article's id may be given again: the new article is indexed, the old one's words are gone.
      const added = await reopened.recordEntries(
        (await reopened.listFeeds())[0]?.id ?? 0,
        [
          {
            identity: 'damson',
            title: 'about damson',
            titleKey: 'damson',
            authors: [],
            categories: [],
            enclosures: [],
            publishedAt: Date.UTC(2025, 0, 9),
            rawBody: '<p>damson</p>',
            cleanedBody: '<p>damson</p>',
            fingerprint: 'damson',
          },
        ],
        Date.UTC(2025, 1, 2),
      );
      const damson = 'articleId' in added[0]! ? added[0].articleId : 0;
      expect(damson).toBe(ids[2]);
      expect(found('damson')).toEqual([damson]);
      expect(found('cherry')).toEqual([]);
      expect(found('banana')).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  it('drops the search rows of articles Tidings itself deletes, in the same call', async () => {
    const { store, ids } = await storeWith(['apple', 'banana']);
    try {
      await store.purgeArticle(ids[0]!);
      await store.deleteArticle(ids[1]!);
      const db = new Database(path, { readonly: true });
      expect(indexRows(db)).toBe(0);
      db.close();
    } finally {
      await store.close();
    }
  });

  const shell = (() => {
    try {
      return execFileSync('sqlite3', ['--version'], { encoding: 'utf8' });
    } catch {
      return undefined;
    }
  })();

  it.runIf(shell !== undefined)('lets the system sqlite3 shell delete and tombstone articles', async () => {
    const { store, ids } = await storeWith(['apple', 'banana', 'cherry']);
    await store.close();
    execFileSync('sqlite3', [
      path,
      `UPDATE articles SET deleted_at = 1 WHERE id = ${ids[0]}; DELETE FROM articles WHERE id = ${ids[1]}; PRAGMA integrity_check;`,
    ]);
    const reopened = await openStore({ backend: 'sqlite', path });
    try {
      expect(found('cherry')).toEqual([ids[2]]);
      expect(found('apple')).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
