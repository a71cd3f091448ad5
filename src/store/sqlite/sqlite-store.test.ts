import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/errors.ts';
import { openStore } from '../open-store.ts';
import { makeEntry } from '../testdata/store-backends.ts';
import { openDatabase } from './open-database.ts';

describe('sqlite store on a file', () => {
  let folder: string;
  let path: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tidings-sqlite-'));
    path = join(folder, 'tidings.db');
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('runs in WAL mode with synchronous=NORMAL, foreign keys on and a busy timeout', async () => {
    const store = await openStore({ backend: 'sqlite', path });
    const db = openDatabase({ path, busyTimeoutMs: 1234 });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    } finally {
      db.close();
      await store.close();
    }
    const raw = new BetterSqlite3(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('enforces foreign keys: a revision of a missing article is refused', async () => {
    (await openStore({ backend: 'sqlite', path })).close();
    const db = openDatabase({ path });
    try {
      expect(() =>
        db.prepare("INSERT INTO revisions (article_id, number, raw_body, seen_at) VALUES (42, 0, '', 0)").run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('keeps what was stored across close and reopen, and the integrity check passes', async () => {
    const store = await openStore({ backend: 'sqlite', path });
    const added = await store.addFeed({ url: 'https://a.example/rss' });
    if (added.kind !== 'added') throw new Error(added.kind);
    await store.recordEntries(added.feed.id, [makeEntry('guid:1'), makeEntry('guid:2')], 1);
    await store.close();
    const reopened = await openStore({ backend: 'sqlite', path });
    expect(await reopened.counts()).toEqual({ feeds: 1, articles: 2, revisions: 2, pendingArchive: 2 });
    expect(await reopened.integrityCheck()).toEqual({ kind: 'ok' });
    await reopened.close();
  });

  it('reports a row that breaks a reference in the integrity check', async () => {
    (await openStore({ backend: 'sqlite', path })).close();
    const db = new BetterSqlite3(path);
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO revisions (article_id, number, raw_body, seen_at) VALUES (42, 0, '', 0)").run();
    db.close();
    const store = await openStore({ backend: 'sqlite', path });
    const result = await store.integrityCheck();
    expect(result.kind === 'problems' && result.messages).toEqual(['revisions row 1 refers to a missing articles row']);
    await store.close();
  });

  it('refuses to be used after close, and fails to open a path that is not a database', async () => {
    const store = await openStore({ backend: 'sqlite', path });
    await store.close();
    await expect(store.counts()).rejects.toSatisfy((e) => isAppError(e, 'store.failed'));
    await expect(openStore({ backend: 'sqlite', path: folder })).rejects.toSatisfy((e) =>
      isAppError(e, 'store.failed'),
    );
  });
});
