/**
 * What a careless user (or an attacker) hands `tidings import`: an archive folder with an
 * article file over the fetch limit, symbolic links, a nested folder and stray files; an
 * OPML list cut short; an outline nested 100,000 deep. Every skipped or broken input is
 * named on stderr and counted on stdout, the exit status says so, and what could be read is
 * imported; an article that is long but within the limit is shown and indexed in part. The
 * large files are generated here, in a temporary folder.
 */
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliJson, requireBuild, runCli } from './run-cli.ts';
import { createTempDirs, type TempDirs } from './temp-dirs.ts';

const FIXTURE = new URL('./testdata/000_b016ae68f5e95a47.txt', import.meta.url);

// Each test runs several CLI processes over megabytes of generated input.
vi.setConfig({ testTimeout: 120_000 });

let dirs: TempDirs;

beforeAll(async () => {
  requireBuild();
  dirs = await createTempDirs('careless');
});

afterAll(async () => {
  await dirs.cleanup();
});

describe('tidings import archive', () => {
  it('refuses by name a file over the fetch limit and everything it does not read, and imports the rest', async () => {
    const data = await dirs.make('archive-data');
    const source = await dirs.make('archive-source');
    const outside = await dirs.make('outside');
    await mkdir(join(source, 'news'));
    await copyFile(FIXTURE, join(source, 'news', '000_b016ae68f5e95a47.txt'));
    // 12 MiB of paragraphs: over the 10 MiB default of maxBodyBytes.
    const paragraph = '<p>A very long article indeed.</p>\n';
    const big = `<!--1667393102000-->\n[Huge](https://huge.example/a)\n------\n\n${paragraph.repeat(Math.ceil((12 << 20) / paragraph.length))}`;
    await writeFile(join(source, 'news', '000_1111111111111111.txt'), big);
    await copyFile(FIXTURE, join(outside, 'linked.txt'));
    await symlink(join(outside, 'linked.txt'), join(source, 'news', '000_2222222222222222.txt'));
    await symlink(outside, join(source, 'linked-folder'));
    await mkdir(join(source, 'news', 'older'));
    await writeFile(join(source, 'news', 'notes.md'), 'not an article');

    const run = await runCli(data, ['import', 'archive', source]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'Imported 1 revisions from 1 feed folders (0 already present); 5 files skipped or not read whole, listed on stderr\n',
    );
    const lines = run.stderr.trim().split('\n').sort();
    expect(lines).toEqual([
      `tidings: linked-folder: symbolic link, not followed; skipped`,
      `tidings: news/000_1111111111111111.txt: ${Buffer.byteLength(big)} bytes, over the limit of 10485760 bytes; skipped`,
      'tidings: news/000_2222222222222222.txt: symbolic link, not followed; skipped',
      'tidings: news/notes.md: not an article file (.txt), feed.json or index.jsonl; skipped',
      'tidings: news/older: folder inside a feed folder, not read (feed folders are not nested); skipped',
    ]);
    const listed = await cliJson<{ articles: Array<{ title: string }> }>(data, ['list']);
    expect(listed.articles.map((a) => a.title)).toEqual(['美国称中国在习近平誓言加强威慑后抵制核谈判']);
  });

  it('reports the same in --json, with the exit status', async () => {
    const data = await dirs.make('archive-json-data');
    const source = await dirs.make('archive-json-source');
    await copyFile(FIXTURE, join(source, '000_b016ae68f5e95a47.txt'));
    await writeFile(join(source, 'stray.bin'), 'x');
    const run = await runCli(data, ['import', 'archive', source, '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      imported: 1,
      problems: [{ file: 'stray.bin', reason: 'not an article file (.txt), feed.json or index.jsonl; skipped' }],
    });
  });
});

describe('a long article within the limit', () => {
  it('is shown and searched in part, and says so', async () => {
    const data = await dirs.make('huge-data');
    const source = await dirs.make('huge-source');
    const paragraph = '<p>Opening words of a very long article.</p>\n';
    const body = `${paragraph.repeat(Math.ceil((6 << 20) / paragraph.length))}<p>zyzzyva closes it</p>`;
    await writeFile(
      join(source, '000_3333333333333333.txt'),
      `<!--1667393102000-->\n[Huge](https://huge.example/a)\n------\n\n${body}\n`,
    );
    expect((await runCli(data, ['import', 'archive', source])).code).toBe(0);
    const shown = await runCli(data, ['show', '1']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Opening words of a very long article.');
    expect(shown.stdout).not.toContain('zyzzyva');
    expect(shown.stdout).toContain(`[The article is ${body.length} characters long; the first`);
    const found = await cliJson<{ results: Array<{ title: string }> }>(data, ['search', 'opening']);
    expect(found.results.map((r) => r.title)).toEqual(['Huge']);
    const late = await cliJson<{ results: unknown[] }>(data, ['search', 'zyzzyva']);
    expect(late.results).toEqual([]);
  });
});

describe('tidings import opml', () => {
  const outline = (n: number) => `<outline text="Feed ${n}" type="rss" xmlUrl="https://feeds.example/${n}.xml"/>`;

  it('says a document cut short was broken, exits 1 and keeps what it could read', async () => {
    const data = await dirs.make('opml-truncated-data');
    const file = join(await dirs.make('opml-truncated'), 'list.opml');
    const whole = `<?xml version="1.0"?>\n<opml version="2.0"><head><title>x</title></head><body>\n${outline(1)}\n${outline(2)}\n</body></opml>\n`;
    await writeFile(file, whole.slice(0, whole.indexOf(outline(2)) + 30));
    const run = await runCli(data, ['import', 'opml', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^added +#1 +https:\/\/feeds\.example\/1\.xml/m);
    expect(run.stdout).toMatch(/1 added, 0 restored, 0 already subscribed, 0 invalid; \d+ problems? in the document/);
    expect(run.stderr).toContain(
      `tidings: ${file} is broken (not well-formed XML): only what could be read was imported`,
    );
  });

  it('names an outline nested too deep instead of dropping it without a word', async () => {
    const data = await dirs.make('opml-deep-data');
    const file = join(await dirs.make('opml-deep'), 'deep.opml');
    const depth = 100_000;
    await writeFile(
      file,
      `<?xml version="1.0"?>\n<opml version="2.0"><body>${outline(1)}${'<outline text="x">'.repeat(depth)}${outline(2)}${'</outline>'.repeat(depth)}</body></opml>\n`,
    );
    const run = await runCli(data, ['import', 'opml', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/1 added, 0 restored, 0 already subscribed, 0 invalid; 1 problem in the document/);
    expect(run.stderr).toContain(`tidings: ${file}: elements nested too deep; flattened`);
    expect(run.stderr).toContain('is broken (not well-formed XML)');
  });

  it('exits 0 for a whole document, listing nothing on stderr', async () => {
    const data = await dirs.make('opml-whole-data');
    const file = join(await dirs.make('opml-whole'), 'list.opml');
    await writeFile(file, `<?xml version="1.0"?>\n<opml version="2.0"><body>${outline(1)}</body></opml>\n`);
    const run = await runCli(data, ['import', 'opml', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
