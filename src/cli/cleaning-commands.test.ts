import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRss, startFixtureServer, type FixtureServer } from '../../test/fixture-server/index.ts';
import type { CliIo } from './cli-io.ts';
import { main } from './main.ts';
import type { Feed } from '../store/index.ts';
import { describeCleaning } from './feed-show-command.ts';
import { parseDurationSeconds } from './parse-duration.ts';

let server: FixtureServer;
let dir: string;

beforeAll(async () => {
  server = await startFixtureServer();
  dir = await mkdtemp(join(tmpdir(), 'tidings-cli-clean-'));
  const items = [0, 1].map((n) => ({
    guid: `urn:cli:${n}`,
    title: `Story ${n}`,
    link: `https://fixture.test/c/${n}`,
    pubDate: new Date(Date.UTC(2024, 0, 2 + n)),
    description: `<h2>Heading ${n}</h2><p>Text of <strong>story ${n}</strong>.</p><div class="promo">PROMO block</div>`,
  }));
  server.setRoute('/cli-clean.xml', {
    kind: 'static',
    headers: { 'content-type': 'application/rss+xml' },
    body: buildRss({ title: 'Clean feed', link: 'https://fixture.test/', description: 'd', items }),
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    isTty: false,
    cwd: dir,
    env: { TIDINGS_ALLOW_PRIVATE_NETWORKS: '1', TIDINGS_PER_HOST_SPACING_MS: '0' },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
  };
  const code = await main([...argv, '--data', join(dir, 'data')], io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('the cleaning commands', () => {
  it('feeds set changes settings, feeds show shows them with the learned boilerplate, bad values are usage errors', async () => {
    expect((await run('add', server.url('/cli-clean.xml'))).code).toBe(0);
    const set = await run(
      'feeds',
      'set',
      '1',
      '--full-text',
      'auto',
      '--learned-boilerplate',
      'off',
      '--min-interval',
      '30m',
      '--retention',
      '90',
      '--encoding',
      'GBK',
      '--json',
    );
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out).feed.settings).toEqual({
      fullText: 'auto',
      learnedBoilerplate: false,
      minIntervalSeconds: 1800,
      retentionDays: 90,
      encodingOverride: 'gbk',
    });
    const shown = await run('feeds', 'show', '1');
    expect(shown.out).toContain('full text auto');
    expect(shown.out).toContain(
      'Boilerplate: learned boilerplate off (rules are still learned, not applied); no rules',
    );
    expect(JSON.parse((await run('feeds', 'show', '1', '--json')).out).cleaning).toMatchObject({
      feedId: 1,
      learnedRules: [],
    });
    expect(
      (await run('feeds', 'set', '1', '--retention', 'forever', '--encoding', 'auto', '--title', 'Mine')).out,
    ).toMatch(/^Feed #1 updated: Mine; .*encoding auto, retention forever/);

    expect((await run('feeds', 'set', '1', '--full-text', 'sometimes')).code).toBe(2);
    expect((await run('feeds', 'set', '1', '--encoding', 'klingon')).code).toBe(2);
    expect((await run('feeds', 'set', '1')).code).toBe(2);
    expect((await run('feeds', 'set', '1', '--min-interval', '2d', '--max-interval', '1h')).code).toBe(2);
    expect((await run('feeds', 'set', '99', '--full-text', 'off')).code).toBe(1);
  });

  it('show prints text, Markdown or cleaned HTML', async () => {
    const markdown = await run('show', '1', '--markdown');
    expect(markdown.out).toContain('## Heading');
    expect(markdown.out).toMatch(/Text of \*\*story \d\*\*\./);
    const text = await run('show', '1');
    expect(text.out).toMatch(/Heading \d\n\nText of story \d\./);
    expect((await run('show', '1', '--markdown', '--html')).code).toBe(2);
  });

  it('reclean applies a user rule pack to stored articles and reports the counts; a broken pack is a warning', async () => {
    await mkdir(join(dir, 'data', 'rules'), { recursive: true });
    await writeFile(
      join(dir, 'data', 'rules', 'promo.json'),
      JSON.stringify({
        name: 'promo',
        description: 'test',
        match: { feedHost: ['127.0.0.1'] },
        rules: [{ id: 'promo', action: 'remove', selector: '.promo' }],
        tests: [
          {
            name: 't',
            feedUrl: 'http://127.0.0.1/x',
            html: '<p>a</p><div class="promo">PROMO</div>',
            notContains: ['PROMO'],
          },
        ],
      }),
    );
    await writeFile(join(dir, 'data', 'rules', 'broken.json'), '{ not json');
    const reclean = await run('reclean');
    expect(reclean.code).toBe(0);
    expect(reclean.out).toBe('Re-cleaned 2 revisions of 1 feeds: 2 changed, 0 unchanged; 2 archive files rewritten\n');
    expect(reclean.err).toMatch(/^tidings: warning: rule pack skipped: .*broken\.json/);
    expect((await run('show', '1', '--html')).out).not.toContain('PROMO');
    const again = JSON.parse((await run('reclean', '--feed', '1', '--json')).out);
    expect(again).toMatchObject({ revisions: 2, changed: 0, unchanged: 2 });
    expect((await run('reclean', '--feed', 'nope')).code).toBe(1);
  });

  it('export articles writes one readable file per article in the chosen form', async () => {
    const out = join(dir, 'reading');
    const exported = await run('export', 'articles', out, '--format', 'md', '--json');
    expect(JSON.parse(exported.out)).toMatchObject({ files: 2 });
    const [folder] = await readdir(out);
    const files = (await readdir(join(out, folder))).sort();
    expect(files).toEqual([
      expect.stringMatching(/^2024-01-02_[0-9a-f]{16}\.md$/),
      expect.stringMatching(/^2024-01-03_[0-9a-f]{16}\.md$/),
    ]);
    const md = await readFile(join(out, folder, files[0]), 'utf8');
    expect(md).toMatch(
      /^# \[Story 0\]\(https:\/\/fixture\.test\/c\/0\)\n\n\*Mine · 2024-01-02 00:00\*\n\n## Heading 0\n\nText of \*\*story 0\*\*\.\n$/,
    );
    await run('export', 'articles', out, '--format', 'html');
    expect(await readFile(join(out, folder, files[0].replace('.md', '.html')), 'utf8')).toContain(
      '<h1><a href="https://fixture.test/c/0">Story 0</a></h1>',
    );
    expect((await run('export', 'articles', out, '--format', 'pdf')).code).toBe(2);
  });
});

describe('describeCleaning', () => {
  it('lists each learned rule under the learned-boilerplate line', () => {
    const feed = { settings: { learnedBoilerplate: true } } as Feed;
    const lines = describeCleaning(feed, {
      feedId: 1,
      newSinceLearning: 0,
      learnedAt: Date.UTC(2024, 0, 1),
      learnedRules: [{ edge: 'trailing', key: 'follow us', text: 'Follow us', share: 0.85, sample: 20 }],
    });
    expect(lines).toEqual([
      '  Boilerplate: learned boilerplate on; 1 rule, learned 2024-01-01 00:00',
      '    trailing · 85 % of 20 · “Follow us”',
    ]);
  });
});

describe('parseDurationSeconds', () => {
  it('reads seconds, minutes, hours and days, and refuses the rest', () => {
    expect([
      parseDurationSeconds('900'),
      parseDurationSeconds('15m'),
      parseDurationSeconds('2h'),
      parseDurationSeconds('1.5d'),
    ]).toEqual([900, 900, 7200, 129_600]);
    expect([parseDurationSeconds('0'), parseDurationSeconds('-5m'), parseDurationSeconds('soon')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
