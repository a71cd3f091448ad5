import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { feedFolderName } from '../../archive/index.ts';
import { createArchiveFlusher } from './archive-flusher.ts';
import { flushPendingArchive } from './write-pending-archive.ts';
import { buildEntries } from '../refresh/build-entries.ts';
import { createTestContext, removeFolder, type TestContext } from '../testdata/test-context.ts';

let contexts: TestContext[] = [];

afterEach(async () => {
  for (const ctx of contexts) {
    await ctx.close();
    await removeFolder(ctx.dir);
  }
  contexts = [];
});

const item = (n: number) => ({
  id: `urn:item:${n}`,
  title: `条目 ${n}`,
  link: `https://example.com/${n}`,
  links: [],
  authors: [],
  contributors: [],
  categories: [],
  enclosures: [],
  content: `<p>正文 ${n}</p><p>&nbsp;</p>`,
  contentType: 'html' as const,
  published: '2024-01-15T08:00:00.000Z',
});

async function contextWithPending(
  url: string,
  count: number,
  storeOptions?: 'own' | 'unopenable',
): Promise<TestContext> {
  const base = await createTestContext();
  const path = storeOptions === 'unopenable' ? join(base.dir, 'missing', 'folder', 'tidings.db') : base.dbPath;
  const ctx: TestContext =
    storeOptions === undefined ? base : Object.assign(base, { storeOptions: { backend: 'sqlite' as const, path } });
  contexts.push(ctx);
  const added = await ctx.store.addFeed({ url, title: 'Example', now: ctx.now() });
  if (added.kind !== 'added') throw new Error(added.kind);
  await ctx.store.recordEntries(
    added.feed.id,
    buildEntries(Array.from({ length: count }, (_, i) => item(i))),
    1_700_000_000_000,
  );
  return ctx;
}

async function archiveFiles(ctx: TestContext, url: string): Promise<Record<string, string>> {
  const folder = join(ctx.archiveRoot, feedFolderName(url));
  const files: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) files[name] = await readFile(join(folder, name), 'utf8');
  return files;
}

describe('the archive flusher', () => {
  it('writes on its own thread, with its own store connection, the files a flush on this thread writes', async () => {
    const url = 'https://example.com/feed.xml';
    const here = await contextWithPending(url, 12);
    const there = await contextWithPending(url, 12, 'own');
    expect(await flushPendingArchive(here)).toEqual({ written: 12, unchanged: 0, problems: [] });
    const flusher = createArchiveFlusher(there);
    try {
      expect(await flusher.flush()).toEqual({ written: 12, unchanged: 0, problems: [] });
      expect(await flusher.flush()).toEqual({ written: 0, unchanged: 0, problems: [] });
    } finally {
      await flusher.close();
    }
    expect((await there.store.counts()).pendingArchive).toBe(0);
    expect(await archiveFiles(there, url)).toEqual(await archiveFiles(here, url));
  });

  it('writes on this thread when the thread cannot open the store, losing nothing', async () => {
    const url = 'https://example.com/other.xml';
    const ctx = await contextWithPending(url, 5, 'unopenable');
    const flusher = createArchiveFlusher(ctx);
    try {
      expect(await flusher.flush()).toEqual({ written: 5, unchanged: 0, problems: [] });
    } finally {
      await flusher.close();
    }
    expect((await ctx.store.counts()).pendingArchive).toBe(0);
    expect(Object.keys(await archiveFiles(ctx, url))).toHaveLength(7);
  });
});
