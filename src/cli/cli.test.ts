import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../test/fixture-server/index.ts';
import type { CliIo } from './cli-io.ts';
import { main } from './main.ts';

let server: FixtureServer;
let dir: string;

beforeAll(async () => {
  server = await startFixtureServer();
  dir = await mkdtemp(join(tmpdir(), 'tidings-cli-'));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

function testIo(extra: Partial<CliIo> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    isTty: false,
    cwd: dir,
    env: { TIDINGS_ALLOW_PRIVATE_NETWORKS: '1', TIDINGS_PER_HOST_SPACING_MS: '0' },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    ...extra,
  };
}

async function run(...argv: string[]): Promise<Run> {
  const io = testIo();
  const code = await main(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

const data = (name: string) => ['--data', join(dir, name)];

describe('the tidings commands', () => {
  it('add discovers and fetches a feed; feeds, fetch, list and show report it', async () => {
    const added = await run('add', server.url('/page.html'), '--category', 'Tests', ...data('main'));
    expect(added).toMatchObject({ code: 0, err: '' });
    expect(added.out).toMatch(/^Added feed #1 Fixture feed\n/);
    expect(added.out).toContain(`(found on ${server.url('/page.html')})`);
    expect(added.out).toContain('3 items, 3 new articles');

    const feeds = JSON.parse((await run('feeds', '--json', ...data('main'))).out) as {
      feeds: Array<Record<string, unknown>>;
    };
    expect(feeds.feeds).toHaveLength(1);
    expect(feeds.feeds[0]).toMatchObject({
      id: 1,
      url: server.url('/feed.xml'),
      category: 'Tests',
      stats: { articleCount: 3 },
    });
    expect((await run('feeds', ...data('main'))).out).toMatch(/^ID +TITLE +ARTICLES/);
    const show = await run('feeds', 'show', '1', ...data('main'));
    expect(show.out).toContain('Feed #1: Fixture feed');
    expect(show.out).toMatch(/Fetch log \(latest 10\):\nSTARTED +OUTCOME/);

    const fetched = await run('fetch', ...data('main'));
    expect(fetched.code).toBe(0);
    expect(fetched.out).toMatch(
      /^Fetched 1 feed in [\d.]+ \w+: 0 ok, 1 not modified, 0 rate-limited, 0 failed; 0 new articles, 0 revisions\n$/,
    );
    const json = JSON.parse((await run('fetch', '1', '--json', ...data('main'))).out) as {
      feeds: number;
      results: unknown[];
    };
    expect(json).toMatchObject({ feeds: 1, notModified: 1, results: [{ feedId: 1, kind: 'not-modified' }] });
    expect(await run('fetch', '42', ...data('main'))).toMatchObject({
      code: 1,
      err: 'tidings: no subscribed feed 42\n',
    });

    const list = JSON.parse((await run('list', '--json', '--limit', '2', ...data('main'))).out) as {
      articles: Array<{ id: number; title: string }>;
    };
    expect(list.articles.map((a) => a.title)).toEqual(['Sample item 3', 'Sample item 2']);
    const text = await run('show', String(list.articles[0].id), ...data('main'));
    expect(text.out).toContain('Sample item 3\nhttps://fixture.test/items/3\nFixture feed');
    expect(text.out).toContain('\nBody of item 3 & more.\n');
    expect((await run('show', String(list.articles[0].id), '--html', ...data('main'))).out).toContain(
      '<p>Body of item 3 &amp; more.</p>',
    );
    expect(await run('show', '999', ...data('main'))).toMatchObject({ code: 1, err: 'tidings: no article 999\n' });
    expect((await run('show', '1', '--html', '--raw', ...data('main'))).code).toBe(2);
  });

  it('fetch on a terminal redraws a progress line in place, then prints the summary', async () => {
    const io = testIo({ isTty: true });
    expect(await main(['fetch', ...data('main')], io)).toBe(0);
    const out = io.out.join('');
    expect(out).toMatch(/^\r\x1b\[KFetching 1\/1 feeds · 0 new articles · 0 revisions · 0 errors · [\d.]+ feeds\/s/);
    expect(out).toMatch(/\r\x1b\[KFetched 1 feed in .*\n$/);
  });

  it('exports and imports OPML with categories', async () => {
    const exported = await run('export', 'opml', ...data('main'));
    expect(exported.out).toContain(`xmlUrl="${server.url('/feed.xml')}"`);
    expect(exported.out).toContain('<outline text="Tests" title="Tests">');
    const file = join(dir, 'subs.opml');
    await writeFile(file, exported.out);
    const imported = await run('import', 'opml', file, ...data('other'));
    expect(imported.out).toContain('1 added, 0 restored, 0 already subscribed, 0 invalid');
    expect((await run('export', 'opml', ...data('other'))).out).toBe(exported.out);
    expect(await run('import', 'opml', join(dir, 'nope.opml'), ...data('other'))).toMatchObject({ code: 1 });
  });

  it('exports the archive, imports it elsewhere and rebuilds from it', async () => {
    const folder = join(dir, 'exported');
    expect(await run('export', 'archive', folder, ...data('main'))).toMatchObject({
      code: 0,
      out: `Exported 3 article files of 1 feeds to ${folder} (3 written, 0 unchanged)\n`,
    });
    expect(await run('import', 'archive', folder, ...data('copy'))).toMatchObject({
      code: 0,
      out: 'Imported 3 revisions from 1 feed folders (0 already present)\n',
      err: '',
    });
    const rebuilt = await run('rebuild', '--json', ...data('copy'));
    expect(JSON.parse(rebuilt.out)).toMatchObject({ kind: 'rebuilt', feeds: 1, revisions: 3 });
  });

  it('removes a feed, and reports an unknown one', async () => {
    expect((await run('remove', server.url('/feed.xml'), ...data('other'))).out).toMatch(/^Removed feed #1/);
    expect((await run('feeds', '--json', ...data('other'))).out).toBe('{"feeds":[]}\n');
    expect(await run('remove', '7', ...data('other'))).toMatchObject({ code: 1, err: 'tidings: no feed 7\n' });
  });

  it('prints the configuration with each source, and rejects a bad value with the setting named', async () => {
    const io = testIo();
    io.env = { ...io.env, TIDINGS_PORT: '9999' };
    expect(await main(['config', '--json', ...data('cfg')], io)).toBe(0);
    const config = JSON.parse(io.out.join('')) as {
      settings: Record<string, unknown>;
      sources: Record<string, string>;
    };
    expect(config.settings).toMatchObject({ port: 9999, dataDir: join(dir, 'cfg'), allowPrivateNetworks: true });
    expect(config.sources).toMatchObject({ port: 'env TIDINGS_PORT', dataDir: 'flag --data', host: 'default' });
    await writeFile(join(dir, 'bad.json'), '{"concurrency": "many"}');
    expect(await run('feeds', '--config', join(dir, 'bad.json'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^tidings: invalid concurrency from config file .*bad\.json/),
    });
    expect((await run('nonsense')).code).toBe(2);
  });

  it('serve answers /healthz and the reader (behind its login page), and stops cleanly when asked', async () => {
    let stop!: () => void;
    const io = testIo({ stopRequested: new Promise<void>((resolve) => (stop = resolve)) });
    const serving = main(['serve', '--port', '0', ...data('main')], io);
    const started = Date.now();
    while (!io.out.join('').includes('serving http://') && Date.now() - started < 5000)
      await new Promise((r) => setTimeout(r, 20));
    const url = /serving (http:\/\/\S+)/.exec(io.out.join(''))?.[1];
    expect(url).toBeDefined();
    const health = (await (await fetch(`${url}healthz`)).json()) as { ok: boolean; counts: { articles: number } };
    expect(health).toMatchObject({ ok: true, counts: { articles: 3 } });
    const home = await fetch(url!, { redirect: 'manual' });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/login?next=%2F');
    expect(await (await fetch(`${url}login`)).text()).toContain('<h1>Log in</h1>');
    const stopping = Date.now();
    stop();
    expect(await serving).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5000);
    expect(await readFile(join(dir, 'main', 'tidings.db'))).toBeDefined();
  });
});
