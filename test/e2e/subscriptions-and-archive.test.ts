/**
 * Moving subscriptions and articles in and out with real `tidings` processes: `add` with
 * feed discovery from an HTML page, the OPML import/export round trip, the archive
 * export → import → export round trip (byte-identical trees), the reference fixture
 * through import and `export archive --raw` (byte for byte, docs/archive-format.md), and
 * `rebuild` of the database from the live archive, revisions included. Revisions are
 * compared straight from the databases (better-sqlite3, read-only): one query instead of a
 * `tidings show` process per article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAlternatePage, startFixtureServer, type FixtureServer } from '../fixture-server/index.ts';
import { diffFileTrees, readFileTree } from './read-file-tree.ts';
import { cliJson, requireBuild, runCli } from './run-cli.ts';
import { createTempDirs, type TempDirs } from './temp-dirs.ts';

const FIXTURE = new URL('./testdata/000_b016ae68f5e95a47.txt', import.meta.url);

let server: FixtureServer;
/** A second site whose only page advertises nothing, and where none of the usual feed paths has one. */
let featureless: FixtureServer;
let dirs: TempDirs;
let data: string;

interface FeedRow {
  id: number;
  url: string;
  title?: string;
  category?: string;
  validators: { etag?: string };
}
interface Revision {
  number: number;
  title?: string;
  rawBody: string;
  cleanedBody?: string;
  publishedAt?: number;
}

beforeAll(async () => {
  requireBuild();
  server = await startFixtureServer();
  dirs = await createTempDirs('transfer');
  data = await dirs.make('data');
  server.setRoute('/blog/', {
    kind: 'static',
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: buildAlternatePage('../zh/feed.xml'),
  });
  featureless = await startFixtureServer();
  featureless.setRoute('/feed.xml', { kind: 'static', status: 404 });
  featureless.setRoute('/plain.html', {
    kind: 'static',
    headers: { 'content-type': 'text/html' },
    body: '<!doctype html><title>no feed here</title><p>Nothing.</p>',
  });
});

afterAll(async () => {
  await server?.close();
  await featureless?.close();
  await dirs?.cleanup();
});

/** Returns every revision of every article in `dir`'s database, keyed by feed URL and guid (ids differ between databases). */
function snapshotRevisions(dir: string): Record<string, Revision[]> {
  const db = new Database(join(dir, 'tidings.db'), { readonly: true });
  try {
    const rows = db
      .prepare(`
      SELECT f.url, a.guid, r.number, r.title, r.raw_body, r.cleaned_body, r.published_at
      FROM revisions r JOIN articles a ON a.id = r.article_id JOIN feeds f ON f.id = a.feed_id ORDER BY f.url, a.guid, r.number
    `)
      .all() as Array<{
      url: string;
      guid: string;
      number: number;
      title: string;
      raw_body: string;
      cleaned_body: string | null;
      published_at: number | null;
    }>;
    const snapshot: Record<string, Revision[]> = {};
    for (const r of rows) {
      (snapshot[`${r.url} ${r.guid}`] ??= []).push({
        number: r.number,
        title: r.title,
        rawBody: r.raw_body,
        cleanedBody: r.cleaned_body ?? undefined,
        publishedAt: r.published_at ?? undefined,
      });
    }
    return snapshot;
  } finally {
    db.close();
  }
}

describe('subscriptions and the archive, in and out', () => {
  it('add: finds the feed an HTML page advertises, subscribes once, and fails for a page without a feed', async () => {
    const viaPage = await cliJson(data, ['add', server.url('/page.html'), '--category', 'News/World']);
    expect(viaPage).toMatchObject({
      kind: 'added',
      discoveredFrom: server.url('/page.html'),
      feed: { url: server.url('/feed.xml'), category: 'News/World' },
      refresh: { kind: 'ok', newArticles: 3 },
    });
    const relative = await cliJson(data, ['add', server.url('/blog/'), '--title', '中文新闻', '--category', 'News']);
    expect(relative).toMatchObject({
      kind: 'added',
      feed: { url: server.url('/zh/feed.xml'), title: '中文新闻' },
      refresh: { newArticles: 3 },
    });

    expect(await cliJson(data, ['add', server.url('/feed.xml')])).toMatchObject({
      kind: 'exists',
      feed: { url: server.url('/feed.xml') },
    });
    const none = await runCli(data, ['add', featureless.url('/plain.html')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^tidings: discover\.no-feed: .+\n$/);
    const { feeds } = await cliJson<{ feeds: FeedRow[] }>(data, ['feeds']);
    expect(feeds.map((f) => f.url).sort()).toEqual([server.url('/feed.xml'), server.url('/zh/feed.xml')]);

    // A revision, so the archive round trips below carry one.
    server.feed.editItem(0, { description: '<p>Updated: the newest item, edited.</p>' });
    expect(await cliJson(data, ['fetch'])).toMatchObject({ newRevisions: 1 });
  });

  it('OPML: export then import into a fresh data dir subscribes to the same feeds in the same folders, and exports the same', async () => {
    const opml = join(dirs.path('data'), 'subscriptions.opml');
    expect((await runCli(data, ['export', 'opml', opml])).code).toBe(0);
    const exported = await readFile(opml, 'utf8');
    expect(exported).toContain(`xmlUrl="${server.url('/feed.xml')}"`);
    expect(exported).toContain('text="中文新闻"');

    const fresh = await dirs.make('opml-copy');
    const imported = await cliJson<{ items: Array<{ url: string; kind: string; category?: string }> }>(fresh, [
      'import',
      'opml',
      opml,
    ]);
    expect(
      imported.items
        .map(({ url, kind, category }) => ({ url, kind, category }))
        .sort((a, b) => a.url.localeCompare(b.url)),
    ).toEqual([
      { url: server.url('/feed.xml'), kind: 'added', category: 'News/World' },
      { url: server.url('/zh/feed.xml'), kind: 'added', category: 'News' },
    ]);
    const again = await cliJson<{ items: Array<{ kind: string }> }>(fresh, ['import', 'opml', opml]);
    expect(again.items.map((i) => i.kind)).toEqual(['exists', 'exists']);
    const roundTrip = await runCli(fresh, ['export', 'opml']);
    expect(roundTrip.code).toBe(0);
    expect(roundTrip.stdout).toBe(exported);
  });

  it('archive: export → import into a fresh data dir → export gives byte-identical trees', async () => {
    const first = dirs.path('export-1');
    const written = await cliJson<{ files: number; feeds: unknown[] }>(data, ['export', 'archive', first]);
    expect(written).toMatchObject({ files: 7 });
    expect(written.feeds).toHaveLength(2);

    const copy = await dirs.make('archive-copy');
    expect(await cliJson(copy, ['import', 'archive', first])).toMatchObject({
      kind: 'imported',
      imported: 7,
      problems: [],
    });
    const second = dirs.path('export-2');
    expect((await runCli(copy, ['export', 'archive', second])).code).toBe(0);

    const a = await readFileTree(first);
    const b = await readFileTree(second);
    expect([...a.keys()].filter((p) => p.endsWith('.txt'))).toHaveLength(7);
    expect(diffFileTrees(a, b)).toEqual([]);
    expect(snapshotRevisions(copy)).toEqual(snapshotRevisions(data));
  });

  it('the reference fixture: import, then export --raw reproduces it byte for byte', async () => {
    const bare = await dirs.make('bare');
    await copyFile(FIXTURE, join(bare, '000_b016ae68f5e95a47.txt'));
    const fresh = await dirs.make('fixture-data');
    expect(await cliJson(fresh, ['import', 'archive', bare])).toMatchObject({ imported: 1, problems: [] });
    const out = dirs.path('fixture-export');
    expect((await runCli(fresh, ['export', 'archive', out, '--raw'])).code).toBe(0);
    const files = [...(await readFileTree(out))].filter(([path]) => path.endsWith('.txt'));
    expect(files.map(([path]) => path.split('/').at(-1))).toEqual(['000_b016ae68f5e95a47.txt']);
    expect(files[0][1].equals(await readFile(FIXTURE))).toBe(true);
  });

  it('rebuild: a new database from the live archive has every article and revision, keeps what only the database held, and keeps the old one as .bak', async () => {
    const before = snapshotRevisions(data);
    expect(Object.keys(before)).toHaveLength(6);
    expect(Object.values(before).flat()).toHaveLength(7);
    const exportedBefore = await readFileTree(dirs.path('export-1'));
    const validatorsBefore = (await cliJson<{ feeds: FeedRow[] }>(data, ['feeds'])).feeds
      .map((f) => f.validators.etag)
      .sort();
    expect(validatorsBefore.filter((etag) => etag !== undefined)).not.toHaveLength(0);
    const rebuilt = await cliJson(data, ['rebuild']);
    expect(rebuilt).toMatchObject({ kind: 'rebuilt', feeds: 2, revisions: 7, problems: [], kept: { feedsAdded: 0 } });
    expect((await stat(join(data, 'tidings.db.bak'))).isFile()).toBe(true);

    expect(snapshotRevisions(data)).toEqual(before);
    const { feeds } = await cliJson<{ feeds: FeedRow[] }>(data, ['feeds']);
    expect(
      feeds.map(({ url, title, category }) => ({ url, title, category })).sort((a, b) => a.url.localeCompare(b.url)),
    ).toEqual([
      { url: server.url('/feed.xml'), title: 'Fixture feed', category: 'News/World' },
      { url: server.url('/zh/feed.xml'), title: '中文新闻', category: 'News' },
    ]);
    // Validators live only in the database: the old one's are kept.
    expect(feeds.map((f) => f.validators.etag).sort()).toEqual(validatorsBefore);
    const after = dirs.path('export-3');
    expect((await runCli(data, ['export', 'archive', after])).code).toBe(0);
    expect(diffFileTrees(exportedBefore, await readFileTree(after))).toEqual([]);
  });
});
