import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.ts';
import type { Store } from '../store.ts';
import { makeEntry } from '../testdata/store-backends.ts';
import { memoizePerUser } from './change-marker.ts';

const T0 = 1_700_000_000_000;

describe('memoizePerUser', () => {
  it('reads again only when the marker changes, per user, and freezes what it keeps', () => {
    let marker = 'a';
    const reads: number[] = [];
    const read = memoizePerUser(
      () => marker,
      (userId) => {
        reads.push(userId);
        return { userId, feeds: [{ unread: reads.length }] };
      },
    );
    const first = read(1);
    expect(read(1)).toBe(first);
    read(2);
    expect(reads).toEqual([1, 2]);
    marker = 'b';
    expect(read(1)).not.toBe(first);
    expect(reads).toEqual([1, 2, 1]);
    expect(Object.isFrozen(first.feeds[0])).toBe(true);
  });
});

describe('cached unread counts and labels in the SQLite store', () => {
  let folder: string;
  let server: Store;
  let cli: Store;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tidings-marker-'));
    server = await openStore({ backend: 'sqlite', path: join(folder, 'tidings.db') });
    cli = await openStore({ backend: 'sqlite', path: join(folder, 'tidings.db') });
  });
  afterEach(async () => {
    await Promise.all([server.close(), cli.close()]);
    await rm(folder, { recursive: true, force: true });
  });

  it('see writes made through the same store and through another connection (another process)', async () => {
    const created = await server.createUser({ name: 'ann', passwordHash: 'scrypt$x', at: T0 });
    if (created.kind !== 'created') throw new Error(created.kind);
    const ann = created.user.id;
    const added = await server.addFeed({ url: 'https://a.example/rss', now: T0 });
    if (added.kind !== 'added') throw new Error(added.kind);
    const feedId = added.feed.id;
    await server.addSubscription({ userId: ann, feedId, at: T0 });
    expect((await server.unreadCounts(ann)).total).toBe(0);
    expect((await server.listSubscriptionLabels(ann)).map((l) => l.displayTitle)).toEqual(['https://a.example/rss']);

    const outcomes = await cli.recordEntries(feedId, [makeEntry('a'), makeEntry('b')], T0);
    await cli.updateSubscription(ann, feedId, { title: 'Mine' });
    expect((await server.unreadCounts(ann)).total).toBe(2);
    expect((await server.listSubscriptionLabels(ann)).map((l) => l.displayTitle)).toEqual(['Mine']);

    await server.markRead(ann, outcomes.map((o) => ('articleId' in o ? o.articleId : 0)).slice(0, 1), true, T0);
    expect((await server.unreadCounts(ann)).total).toBe(1);
    expect((await cli.unreadCounts(ann)).total).toBe(1);
  });
});
