import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/errors.ts';
import { openStore } from '../open-store.ts';
import { migrate } from './migrate.ts';
import { sqliteMigrations } from './migrations/all-migrations.ts';
import { openDatabase } from './open-database.ts';

describe('sqlite migrations', () => {
  let folder: string;
  let path: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tidings-migrate-'));
    path = join(folder, 'tidings.db');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const applied = () => {
    const db = openDatabase({ path });
    try {
      return db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all();
    } finally {
      db.close();
    }
  };

  it('are named by date and number, in order', () => {
    const names = sqliteMigrations.map((m) => m.name);
    expect(names.every((n) => /^\d{4}-\d{2}-\d{2}-\d{3}-[a-z0-9-]+$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });

  it('build the whole schema in an empty file and record each migration once', async () => {
    (await openStore({ backend: 'sqlite', path })).close();
    expect(applied()).toEqual(sqliteMigrations.map((m) => m.name));
    const db = openDatabase({ path });
    expect(migrate(db, sqliteMigrations)).toEqual({ applied: [] });
    db.close();
  });

  it('bring an older database up to date and keep its data', async () => {
    const db = openDatabase({ path });
    migrate(db, sqliteMigrations.slice(0, 1), 1);
    db.prepare("INSERT INTO feeds (url, next_check_at, created_at) VALUES ('https://old.example/rss', 5, 5)").run();
    db.prepare(
      "INSERT INTO articles (feed_id, identity, archive_key, first_seen_at, last_seen_at, revision_count) VALUES (1, 'guid:old', '0123456789abcdef', 5, 5, 1)",
    ).run();
    db.prepare(
      "INSERT INTO revisions (article_id, number, raw_body, seen_at, fingerprint) VALUES (1, 0, '<p>old</p>', 5, 'fp')",
    ).run();
    db.close();

    const store = await openStore({ backend: 'sqlite', path });
    expect(applied()).toEqual(sqliteMigrations.map((m) => m.name));
    const feed = await store.findFeedByUrl('https://old.example/rss');
    expect(feed?.id).toBe(1);
    expect(
      (await store.recordFetch(1, { startedAt: 10, durationMs: 1, outcome: 'ok', schedule: { nextCheckAt: 20 } })).kind,
    ).toBe('recorded');
    expect(await store.listFetchLog(1, 5)).toHaveLength(1);
    expect((await store.getArticle(1))?.revisions.map((r) => r.rawBody)).toEqual(['<p>old</p>']);
    await store.close();
  });

  it('give saved searches made before owners existed to the first admin, keeping their ids', async () => {
    const db = openDatabase({ path });
    const beforeOwners = sqliteMigrations.findIndex((m) => m.name === '2026-11-26-007-saved-search-owner');
    migrate(db, sqliteMigrations.slice(0, beforeOwners), 1);
    db.exec(`INSERT INTO users (id, name, name_key, password_hash, is_admin, created_at) VALUES
      (4, 'reader', 'reader', 'x', 0, 1), (7, 'owner', 'owner', 'x', 1, 1), (9, 'second', 'second', 'x', 1, 1)`);
    db.exec(
      "INSERT INTO saved_searches (id, name, query, created_at) VALUES (3, 'Taiwan', '台湾', 5), (5, 'AI', 'AI', 5)",
    );
    db.close();

    const store = await openStore({ backend: 'sqlite', path });
    expect((await store.listSavedSearches({ userId: 7 })).map((s) => [s.id, s.name])).toEqual([
      [5, 'AI'],
      [3, 'Taiwan'],
    ]);
    expect(await store.listSavedSearches({ userId: 4 })).toEqual([]);
    expect((await store.saveSearch({ userId: 4, name: 'Taiwan', query: '台灣' })).id).not.toBe(3);
    await store.close();
  });

  it("move each revision's archive state beside it, pending and archived alike", async () => {
    const db = openDatabase({ path });
    const before = sqliteMigrations.findIndex((m) => m.name === '2026-11-26-010-archive-state');
    migrate(db, sqliteMigrations.slice(0, before), 1);
    db.prepare("INSERT INTO feeds (url, next_check_at, created_at) VALUES ('https://old.example/rss', 5, 5)").run();
    db.prepare(
      "INSERT INTO articles (feed_id, identity, archive_key, first_seen_at, last_seen_at, revision_count) VALUES (1, 'guid:old', '0123456789abcdef', 5, 5, 2)",
    ).run();
    db.prepare(
      "INSERT INTO revisions (article_id, number, raw_body, seen_at, fingerprint, archived_at) VALUES (1, 0, '<p>old</p>', 5, 'fp', 7), (1, 1, '<p>new</p>', 6, 'fp2', NULL)",
    ).run();
    db.close();

    const store = await openStore({ backend: 'sqlite', path });
    expect((await store.getArticle(1))?.revisions.map((r) => [r.number, r.archivedAt])).toEqual([
      [0, 7],
      [1, undefined],
    ]);
    expect((await store.counts()).pendingArchive).toBe(1);
    const pending = await store.pendingArchiveRevisions(10);
    expect(pending.map((p) => p.record.revision)).toEqual([1]);
    await store.markArchived([pending[0].revisionId], 9);
    expect((await store.counts()).pendingArchive).toBe(0);
    expect((await store.getArticle(1))?.revisions.map((r) => r.archivedAt)).toEqual([7, 9]);
    await store.close();
  });

  it('roll back a failing migration whole and leave it unrecorded', () => {
    const db = openDatabase({ path });
    const failing = {
      name: '2026-11-26-999-broken',
      up: (d: typeof db) => d.exec('CREATE TABLE half (x); SELECT * FROM missing_table'),
    };
    expect(() => migrate(db, [...sqliteMigrations, failing])).toThrow(/missing_table/);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT name FROM schema_migrations').pluck().all()).toHaveLength(sqliteMigrations.length);
    db.close();
  });

  it('refuse a database migrated by a newer version', async () => {
    const db = openDatabase({ path });
    migrate(db, [...sqliteMigrations, { name: '2099-01-01-001-future', up: () => {} }]);
    db.close();
    await expect(openStore({ backend: 'sqlite', path })).rejects.toSatisfy((e) =>
      isAppError(e, 'store.unsupported-schema'),
    );
  });
});
