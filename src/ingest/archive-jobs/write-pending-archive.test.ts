import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleFileName, feedFolderName, readArchive } from '../../archive/index.ts';
import { buildEntries } from '../refresh/build-entries.ts';
import { flushPendingArchive } from './write-pending-archive.ts';
import { createTestContext, removeFolder, type TestContext } from '../testdata/test-context.ts';

let ctx: TestContext | undefined;

afterEach(async () => {
  if (ctx !== undefined) {
    await ctx.close();
    await removeFolder(ctx.dir);
    ctx = undefined;
  }
});

const item = (n: number, body: string) => ({
  id: `urn:item:${n}`,
  title: `Item ${n}`,
  link: `https://example.com/${n}`,
  links: [],
  authors: [],
  contributors: [],
  categories: [],
  enclosures: [],
  content: body,
  contentType: 'html' as const,
  published: '2024-01-15T08:00:00.000Z',
});

describe('the archive writer', () => {
  it('writes revisions left pending by a crash after the database commit', async () => {
    ctx = await createTestContext();
    const added = await ctx.store.addFeed({ url: 'https://example.com/feed.xml', title: 'Example', now: ctx.now() });
    if (added.kind !== 'added') throw new Error(added.kind);
    // The "crash": entries committed, but the process died before any file was written.
    await ctx.store.recordEntries(
      added.feed.id,
      buildEntries([item(1, '<p>One</p><script>x()</script>'), item(2, '<p>Two</p>')]),
      ctx.now(),
    );
    expect((await ctx.store.counts()).pendingArchive).toBe(2);

    const flushed = await flushPendingArchive(ctx);
    expect(flushed).toEqual({ written: 2, unchanged: 0, problems: [] });
    expect((await ctx.store.counts()).pendingArchive).toBe(0);
    const folder = join(ctx.archiveRoot, feedFolderName('https://example.com/feed.xml'));
    const text = await readFile(join(folder, articleFileName('guid:urn:item:1', 0)), 'utf8');
    expect(text).toBe(
      `<!--${Date.parse('2024-01-15T08:00:00.000Z')}-->\n[Item 1](https://example.com/1)\n------\n\n<p>One</p>\n`,
    );
    const folders = [];
    for await (const f of readArchive(ctx.archiveRoot)) folders.push(f);
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatchObject({
      kind: 'feed',
      feed: { url: 'https://example.com/feed.xml', title: 'Example' },
      bareFiles: [],
      problems: [],
    });
  });

  it('writes the body as received when the archive is set to raw', async () => {
    ctx = await createTestContext({ settings: { archiveBody: 'raw' } });
    const added = await ctx.store.addFeed({ url: 'https://example.com/raw.xml', now: ctx.now() });
    if (added.kind !== 'added') throw new Error(added.kind);
    await ctx.store.recordEntries(added.feed.id, buildEntries([item(1, '<p>One</p><script>x()</script>')]), ctx.now());
    await flushPendingArchive(ctx);
    const text = await readFile(
      join(ctx.archiveRoot, feedFolderName('https://example.com/raw.xml'), articleFileName('guid:urn:item:1', 0)),
      'utf8',
    );
    expect(text.endsWith('\n\n<p>One</p><script>x()</script>\n')).toBe(true);
  });

  it('runs flushes of one context one at a time, so no revision is written twice', async () => {
    ctx = await createTestContext();
    const added = await ctx.store.addFeed({ url: 'https://example.com/many.xml', now: ctx.now() });
    if (added.kind !== 'added') throw new Error(added.kind);
    await ctx.store.recordEntries(
      added.feed.id,
      buildEntries(Array.from({ length: 30 }, (_, i) => item(i, `<p>${i}</p>`))),
      ctx.now(),
    );
    const results = await Promise.all([flushPendingArchive(ctx), flushPendingArchive(ctx), flushPendingArchive(ctx)]);
    expect(results.reduce((sum, r) => sum + r.written, 0)).toBe(30);
    expect(results.reduce((sum, r) => sum + r.unchanged, 0)).toBe(0);
    const index = await readFile(
      join(ctx.archiveRoot, feedFolderName('https://example.com/many.xml'), 'index.jsonl'),
      'utf8',
    );
    expect(index.trim().split('\n')).toHaveLength(30);
  });
});
