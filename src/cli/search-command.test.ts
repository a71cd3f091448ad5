import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { makeEntry } from '../store/testdata/store-backends.ts';
import type { CliIo } from './cli-io.ts';
import { reindexWithStore } from './reindex-command.ts';
import { searchWithStore } from './search-command.ts';

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    isTty: false,
    env: {},
    cwd: '/',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

describe('tidings search and tidings reindex', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ backend: 'sqlite', path: ':memory:' });
    const added = await store.addFeed({ url: 'https://a.example/rss', title: 'BBC 中文' });
    const feedId = added.kind === 'added' ? added.feed.id : -1;
    await store.recordEntries(
      feedId,
      [
        makeEntry('guid:1', {
          title: '台灣經濟成長',
          cleanedBody: '<p>臺灣經濟今年成長3%。</p>',
          publishedAt: Date.UTC(2025, 0, 2),
        }),
        makeEntry('guid:2', {
          title: '台湾天气',
          cleanedBody: '<p>台湾明天有雨。</p>',
          publishedAt: Date.UTC(2025, 0, 1),
        }),
      ],
      Date.UTC(2025, 0, 3),
    );
  });
  afterEach(() => store.close());

  it('prints hits with marked snippets and the command for the next page', async () => {
    const io = captureIo();
    expect(await searchWithStore(io, store, '台湾', { sort: 'newest', limit: '1' })).toBe(0);
    expect(io.out).toContain('台灣經濟成長');
    expect(io.out).toContain('[臺灣]經濟今年成長3%。');
    expect(io.out).toMatch(/More: tidings search "台湾" --sort newest --limit 1 --cursor \S+/);
  });

  it('prints JSON with --json and rejects bad flags with exit 2', async () => {
    const io = captureIo();
    expect(await searchWithStore(io, store, '经济', { json: true })).toBe(0);
    const parsed = JSON.parse(io.out) as {
      results: Array<{ title: string; snippet: { highlights: unknown[] } }>;
      problems: string[];
    };
    expect(parsed.results.map((r) => r.title)).toEqual(['台灣經濟成長']);
    expect(parsed.results[0].snippet.highlights).toHaveLength(1);
    expect(await searchWithStore(captureIo(), store, '经济', { sort: 'best' })).toBe(2);
    expect(await searchWithStore(captureIo(), store, '经济', { limit: '0' })).toBe(2);
    expect(await searchWithStore(captureIo(), store, '经济', { cursor: 'nope' })).toBe(2);
  });

  it('reindexes and reports the count', async () => {
    const io = captureIo();
    expect(await reindexWithStore(io, store, { json: true })).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ articles: 2 });
  });
});
