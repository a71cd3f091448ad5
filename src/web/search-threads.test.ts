import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../domain/errors.ts';
import { openStore, type Store, type StoreOptions } from '../store/index.ts';
import { makeEntry } from '../store/testdata/store-backends.ts';
import { createSearchThreads, type SearchThreads } from './search-threads.ts';

const T0 = Date.UTC(2025, 0, 1);
let dir: string;
let options: StoreOptions;
let store: Store;
let threads: SearchThreads | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-search-threads-'));
  options = { backend: 'sqlite', path: join(dir, 'tidings.db') };
  store = await openStore(options);
  const added = await store.addFeed({ url: 'https://a.example/rss', title: 'Example' });
  if (added.kind !== 'added') throw new Error(added.kind);
  await store.recordEntries(
    added.feed.id,
    Array.from({ length: 30 }, (_, i) =>
      makeEntry(`guid:${i}`, {
        title: i % 4 === 0 ? `经济 ${i}` : `Report ${i}`,
        cleanedBody: `<p>经济 markets ${i}</p>`,
        publishedAt: T0 - i * 3_600_000,
      }),
    ),
    T0,
  );
});
afterEach(async () => {
  await threads?.close();
  threads = undefined;
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('search threads', () => {
  it("answer with the pages the server's own connection gives, page after page, many at once", async () => {
    threads = createSearchThreads(options, 2, store);
    const request = {
      match: { kind: 'phrase' as const, tokens: [{ text: 'markets' }] },
      sort: 'relevance' as const,
      limit: 7,
      now: T0,
    };
    const here = await store.searchArticles(request);
    const there = await Promise.all(Array.from({ length: 6 }, () => threads!.searchArticles(request)));
    for (const page of there) expect(page).toEqual(here);
    const next = await threads.searchArticles({ ...request, cursor: here.nextCursor });
    expect(next).toEqual(await store.searchArticles({ ...request, cursor: here.nextCursor }));
  });

  it("pass on the store's errors with their codes", async () => {
    threads = createSearchThreads(options, 1, store);
    const failed = await threads
      .searchArticles({ sort: 'newest', limit: 5, cursor: 'not-a-cursor' })
      .catch((error: unknown) => error);
    expect(isAppError(failed) && failed.code).toBe('input.invalid');
  });

  it("hand searches back to the server's connection when a thread cannot open the store", async () => {
    threads = createSearchThreads({ backend: 'sqlite', path: join(dir, 'missing', 'folder', 'x.db') }, 1, store);
    const request = { sort: 'newest' as const, limit: 3, now: T0 };
    expect(await threads.searchArticles(request)).toEqual(await store.searchArticles(request));
  });
});
