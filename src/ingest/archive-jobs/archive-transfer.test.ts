import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../test/fixture-server/index.ts';
import { exportArchive, importArchive } from './archive-transfer.ts';
import { rebuildDatabase } from './rebuild-database.ts';
import { subscribe } from '../subscriptions/subscribe.ts';
import { refreshRound } from '../refresh/refresh-round.ts';
import { openStore } from '../../store/index.ts';
import { createTestContext, readTree, removeFolder, type TestContext } from '../testdata/test-context.ts';

let server: FixtureServer;
let source: TestContext;
const contexts: TestContext[] = [];

async function freshContext(): Promise<TestContext> {
  const ctx = await createTestContext();
  contexts.push(ctx);
  return ctx;
}

beforeAll(async () => {
  server = await startFixtureServer();
  source = await freshContext();
  await subscribe(source, server.url('/feed.xml'), { category: 'Tests' });
  await subscribe(source, server.url('/zh/feed.xml'));
  server.feed.editItem(0, { title: 'Sample item 3, corrected', description: '<p>Now with the right number.</p>' });
  server.feed.addItems(1);
  await refreshRound(source);
});

afterAll(async () => {
  for (const ctx of contexts) {
    await ctx.close();
    await removeFolder(ctx.dir);
  }
  await server.close();
});

async function articleCount(ctx: TestContext): Promise<{ articles: number; revisions: number }> {
  const { articles, revisions } = await ctx.store.counts();
  return { articles, revisions };
}

describe('archive export and import', () => {
  it('export → import into a fresh data dir → export again gives byte-identical files', async () => {
    const first = join(source.dir, 'export-1');
    const result = await exportArchive(source, first);
    expect(result.feeds).toHaveLength(2);
    expect(result.files).toBe(8);

    const target = await freshContext();
    const imported = await importArchive(target, first);
    if (imported.kind !== 'imported') throw new Error(imported.error.message);
    expect(imported).toMatchObject({ imported: 8, skipped: 0, problems: [] });
    expect(await articleCount(target)).toEqual(await articleCount(source));
    expect((await target.store.counts()).pendingArchive).toBe(0);

    const second = join(target.dir, 'export-2');
    await exportArchive(target, second);
    const a = await readTree(first);
    const b = await readTree(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);

    const again = await importArchive(target, first);
    expect(again).toMatchObject({ kind: 'imported', imported: 0, skipped: 8 });
  });

  it('exports raw bodies on request, and one feed alone', async () => {
    const feeds = await source.store.listFeeds();
    const dir = join(source.dir, 'export-raw');
    const result = await exportArchive(source, dir, { raw: true, feedIds: [feeds[0].id] });
    expect(result.feeds).toHaveLength(1);
    const index = await readFile(join(dir, result.feeds[0].folder, 'index.jsonl'), 'utf8');
    expect(index).toContain('"fileBody":"raw"');
  });

  it('reports unreadable files by name and imports the rest', async () => {
    const dir = join(source.dir, 'damaged');
    await exportArchive(source, dir);
    await mkdir(join(dir, 'loose'), { recursive: true });
    await writeFile(join(dir, 'loose', '000_0123456789abcdef.txt'), 'not an article file');
    await cp(
      fileURLToPath(new URL('../../archive/testdata/000_b016ae68f5e95a47.txt', import.meta.url)),
      join(dir, 'loose', '000_b016ae68f5e95a47.txt'),
    );
    const target = await freshContext();
    const result = await importArchive(target, dir);
    if (result.kind !== 'imported') throw new Error(result.error.message);
    expect(result.imported).toBe(9);
    expect(result.problems.map((p) => p.file)).toEqual(['loose/000_0123456789abcdef.txt']);
  });

  it('fails with a clear error for a folder that does not exist', async () => {
    expect(await importArchive(source, join(source.dir, 'missing'))).toMatchObject({
      kind: 'failed',
      error: { code: 'archive.unreadable' },
    });
  });
});

describe('rebuildDatabase', () => {
  // A rebuild reopens the live store by its options, as a real context's are.
  const rebuildable = async (): Promise<TestContext> => {
    const ctx = await freshContext();
    return Object.assign(ctx, { storeOptions: { backend: 'sqlite' as const, path: ctx.dbPath } });
  };

  it("builds a new database from the archive, revisions included, with the old one's accounts, keeping it as .bak", async () => {
    const ctx = await rebuildable();
    await importArchive(ctx, join(source.dir, 'export-1'));
    const before = await articleCount(ctx);
    const titles = (await ctx.store.listArticles({ limit: 50 })).articles.map((a) => [
      a.identity,
      a.title,
      a.revisionCount,
    ]);
    const created = await ctx.store.createUser({ name: 'reader', passwordHash: 'hash' });
    const [feed] = await ctx.store.listFeeds();
    if (created.kind !== 'created') throw new Error(created.kind);
    await ctx.store.addSubscription({ userId: created.user.id, feedId: feed.id });

    const result = await rebuildDatabase(ctx);
    if (result.kind !== 'rebuilt') throw new Error(result.error.message);
    expect(result).toMatchObject({
      feeds: 2,
      revisions: before.revisions,
      problems: [],
      backupPath: `${ctx.dbPath}.bak`,
      kept: { users: 1, subscriptions: 1 },
    });
    expect((await ctx.store.listSubscriptions(created.user.id)).map((s) => s.feed.url)).toEqual([feed.url]);
    expect(await articleCount(ctx)).toEqual(before);
    expect(
      (await ctx.store.listArticles({ limit: 50 })).articles.map((a) => [a.identity, a.title, a.revisionCount]),
    ).toEqual(titles);
    expect((await ctx.store.counts()).pendingArchive).toBe(0);
    expect((await stat(`${ctx.dbPath}.bak`)).size).toBeGreaterThan(0);
  });

  it('refuses to swap while another connection has the database open, changing nothing', async () => {
    const ctx = await rebuildable();
    await importArchive(ctx, join(source.dir, 'export-1'));
    const other = await openStore({ backend: 'sqlite', path: ctx.dbPath });
    try {
      await other.counts();
      const result = await rebuildDatabase(ctx);
      expect(result).toMatchObject({
        kind: 'failed',
        error: { message: expect.stringMatching(/another Tidings process/) },
      });
      expect(await articleCount(ctx)).toEqual(await articleCount(source));
    } finally {
      await other.close();
    }
  });
});
