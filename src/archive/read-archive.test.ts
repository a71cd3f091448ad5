import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../domain/errors.ts';
import { buildArchiveRecord, serializeRecord, type ArchiveFeed } from './serialize-sidecars.ts';
import { readArchive, type ArchiveFolder, type ReadArchiveOptions } from './read-archive.ts';
import { writeArticleRevision } from './write-archive.ts';
import { feedFolderName } from './archive-layout.ts';

const FIXTURE_NAME = '000_b016ae68f5e95a47.txt';
const FIXTURE = new URL(`./testdata/${FIXTURE_NAME}`, import.meta.url);

async function readAll(root: string, options: ReadArchiveOptions = {}): Promise<ArchiveFolder[]> {
  const folders: ArchiveFolder[] = [];
  for await (const folder of readArchive(root, options)) folders.push(folder);
  return folders;
}

function feedOf(folders: ArchiveFolder[], folder: string) {
  const found = folders.find((f) => f.folder === folder);
  if (found?.kind !== 'feed') throw new Error(`no feed folder ${folder}`);
  return found;
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tidings-read-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readArchive on bare folders', () => {
  it('imports a folder holding only the reference file as an article of a feed named after the folder', async () => {
    await mkdir(join(root, 'rfi-cn'));
    await copyFile(FIXTURE, join(root, 'rfi-cn', FIXTURE_NAME));
    const [folder, ...rest] = await readAll(root);
    expect(rest).toEqual([]);
    expect(folder).toMatchObject({
      kind: 'feed',
      folder: 'rfi-cn',
      feedFrom: 'folder',
      bareFiles: [FIXTURE_NAME],
      problems: [],
    });
    const feed = feedOf([folder], 'rfi-cn');
    expect(feed.feed.title).toBe('rfi-cn');
    expect(feed.records).toHaveLength(1);
    expect(feed.records[0]).toMatchObject({
      file: FIXTURE_NAME,
      key: 'b016ae68f5e95a47',
      revision: 0,
      identity: 'archive-key:b016ae68f5e95a47',
      feedUrl: feed.feed.url,
      title: '美国称中国在习近平誓言加强威慑后抵制核谈判',
      publishedAt: 1667393102000,
      seenAt: 1667393102000,
      fileBody: 'raw',
    });
    expect(feed.records[0].link).toMatch(/^https:\/\/www\.rfi\.fr\/cn\//);
    expect(`${feed.records[0].rawBody}\n`).toBe((await readFile(FIXTURE, 'utf8')).split('\n').slice(4).join('\n'));
  });

  it('reads the root itself as a feed folder when it holds article files', async () => {
    await copyFile(FIXTURE, join(root, FIXTURE_NAME));
    const folders = await readAll(root);
    expect(folders.map((f) => f.folder)).toEqual(['']);
    expect(feedOf(folders, '').records).toHaveLength(1);
  });

  it('reports unreadable files by name and imports the rest', async () => {
    const dir = join(root, 'mixed');
    await mkdir(dir);
    await copyFile(FIXTURE, join(dir, FIXTURE_NAME));
    await writeFile(
      join(dir, '001_b016ae68f5e95a47.txt'),
      '<!--1667393102001-->\r\n[Revised [draft]](https://a.org/1)\r\n------\r\n\r\n<p>v2</p>',
    );
    await writeFile(join(dir, '000_aaaaaaaaaaaaaaaa.txt'), 'no header here\n');
    await writeFile(join(dir, '000_bbbbbbbbbbbbbbbb.txt'), Buffer.from([0x3c, 0x21, 0xff, 0xfe, 0x0a]));
    await writeFile(join(dir, 'my-note.txt'), '<!--5-->\n[Note]()\n------\n\nhello\n');
    await writeFile(join(dir, 'NOTES.md'), '# not an article');
    await writeFile(join(dir, '.000_cccccccccccccccc.txt.tmp-1-abcd'), 'half a fi');
    const feed = feedOf(await readAll(root), 'mixed');
    expect(feed.problems.map((p) => p.file).sort()).toEqual([
      'mixed/000_aaaaaaaaaaaaaaaa.txt',
      'mixed/000_bbbbbbbbbbbbbbbb.txt',
      'mixed/NOTES.md',
    ]);
    expect(feed.problems.find((p) => p.file.endsWith('NOTES.md'))?.reason).toMatch(/not an article file.*skipped/);
    expect(feed.problems.find((p) => p.file.endsWith('bbbb.txt'))?.reason).toMatch(/UTF-8/);
    expect(feed.records.map((r) => r.title).sort()).toEqual([
      'Note',
      'Revised [draft]',
      '美国称中国在习近平誓言加强威慑后抵制核谈判',
    ]);
    expect(feed.records.map((r) => r.revision)).toEqual([0, 0, 1]);
    expect(
      feed.records.filter((r) => r.key === 'b016ae68f5e95a47').map((r) => [r.revision, r.title, r.rawBody]),
    ).toEqual([
      [0, '美国称中国在习近平誓言加强威慑后抵制核谈判', expect.stringContaining('<div>02/11/2022')],
      [1, 'Revised [draft]', '<p>v2</p>'],
    ]);
    expect(feed.records.find((r) => r.title === 'Note')).toMatchObject({
      identity: 'archive-file:my-note.txt',
      rawBody: 'hello',
    });
  });
});

describe('readArchive with sidecars', () => {
  const feed: ArchiveFeed = { url: 'https://a.org/rss', title: 'A' };
  const folder = feedFolderName(feed.url);
  const record = (identity: string, revision: number, title: string) =>
    buildArchiveRecord({
      identity,
      revision,
      feedUrl: feed.url,
      title,
      authors: [],
      categories: [],
      enclosures: [],
      seenAt: 1_700_000_000_000,
      fileBody: 'raw',
      rawBody: `<p>${title}</p>`,
    });

  it('lets a later index line supersede an earlier one and tolerates a torn last line', async () => {
    await writeArticleRevision(root, { feed, record: record('a', 0, 'first') });
    const index = join(root, folder, 'index.jsonl');
    await appendFile(index, serializeRecord({ ...record('a', 0, 'first'), fingerprint: 'fixed' }));
    await appendFile(index, 'not json\n');
    await appendFile(index, serializeRecord(record('b', 0, 'torn')).slice(0, 40));
    const read = feedOf(await readAll(root), folder);
    expect(read.records).toEqual([{ ...record('a', 0, 'first'), fingerprint: 'fixed' }]);
    expect(read.problems).toEqual([
      { file: `${folder}/index.jsonl`, reason: 'line 3: not valid JSON' },
      { file: `${folder}/index.jsonl`, reason: 'line 4: incomplete last line (interrupted write), ignored' },
    ]);
  });

  it('keeps every good line when a torn last line ends inside a multi-byte character', async () => {
    await writeArticleRevision(root, { feed, record: record('a', 0, '中文') });
    const line = Buffer.from(serializeRecord(record('b', 0, '中文标题')));
    await appendFile(join(root, folder, 'index.jsonl'), line.subarray(0, line.indexOf('标') + 1));
    const read = feedOf(await readAll(root), folder);
    expect(read.records).toEqual([record('a', 0, '中文')]);
    expect(read.problems).toEqual([
      { file: `${folder}/index.jsonl`, reason: 'line 2: incomplete last line (interrupted write), ignored' },
    ]);
  });

  it('imports an article file that lost its index line under the identity of its other revisions', async () => {
    await writeArticleRevision(root, { feed, record: record('a', 0, 'v1') });
    await writeFile(join(root, folder, record('a', 1, 'v2').file), '<!--1-->\n[v2]()\n------\n\n<p>v2</p>\n');
    const read = feedOf(await readAll(root), folder);
    expect(read.bareFiles).toEqual([record('a', 1, 'v2').file]);
    expect(read.records.map((r) => [r.identity, r.revision])).toEqual([
      ['a', 0],
      ['a', 1],
    ]);
  });

  it('still imports a record whose article file is missing, and says so', async () => {
    await writeArticleRevision(root, { feed, record: record('a', 0, 'v1') });
    await rm(join(root, folder, record('a', 0, 'v1').file));
    const read = feedOf(await readAll(root), folder);
    expect(read.records).toEqual([record('a', 0, 'v1')]);
    expect(read.problems).toEqual([
      { file: `${folder}/${record('a', 0, 'v1').file}`, reason: expect.stringMatching(/missing/) },
    ]);
  });

  it('falls back to the index for the feed when feed.json is broken', async () => {
    await writeArticleRevision(root, { feed, record: { ...record('a', 0, 'v1'), feedTitle: 'A' } });
    await writeFile(join(root, folder, 'feed.json'), '{"url": ');
    const read = feedOf(await readAll(root), folder);
    expect(read).toMatchObject({
      feed,
      feedFrom: 'index',
      problems: [{ file: `${folder}/feed.json`, reason: 'not valid JSON' }],
    });
  });

  it('skips hidden and empty folders and throws only when the root cannot be read', async () => {
    await mkdir(join(root, '.git'));
    await copyFile(FIXTURE, join(root, '.git', FIXTURE_NAME));
    await mkdir(join(root, 'empty'));
    expect(await readAll(root)).toEqual([]);
    await expect(readAll(join(root, 'nope'))).rejects.toSatisfy((e) => isAppError(e, 'archive.unreadable'));
  });
});

describe('readArchive names everything it skips', () => {
  it('reports symbolic links to files, index files and folders, nested folders and other file types', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'tidings-outside-'));
    try {
      await mkdir(join(outside, 'folder'));
      await copyFile(FIXTURE, join(outside, 'folder', FIXTURE_NAME));
      await copyFile(FIXTURE, join(outside, 'article.txt'));
      await writeFile(join(outside, 'index.jsonl'), '');
      await mkdir(join(root, 'feed'));
      await copyFile(FIXTURE, join(root, 'feed', FIXTURE_NAME));
      await symlink(join(outside, 'article.txt'), join(root, 'feed', '000_cccccccccccccccc.txt'));
      await symlink(join(outside, 'index.jsonl'), join(root, 'feed', 'index.jsonl'));
      await symlink(join(outside, 'folder'), join(root, 'linked-folder'));
      await mkdir(join(root, 'feed', 'nested'));
      await copyFile(FIXTURE, join(root, 'feed', 'nested', FIXTURE_NAME));
      execFileSync('mkfifo', [join(root, 'feed', '000_dddddddddddddddd.txt')]);
      const folders = await readAll(root);
      const problems = folders.flatMap((f) => f.problems);
      expect(problems.map((p) => [p.file, p.reason]).sort()).toEqual([
        ['feed/000_cccccccccccccccc.txt', 'symbolic link, not followed; skipped'],
        ['feed/000_dddddddddddddddd.txt', 'not a regular file; skipped'],
        ['feed/index.jsonl', 'symbolic link, not followed; skipped'],
        ['feed/nested', 'folder inside a feed folder, not read (feed folders are not nested); skipped'],
        ['linked-folder', 'symbolic link, not followed; skipped'],
      ]);
      expect(feedOf(folders, 'feed').records).toHaveLength(1);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('refuses by name an article file over the size limit and reads the rest', async () => {
    await mkdir(join(root, 'big'));
    await copyFile(FIXTURE, join(root, 'big', FIXTURE_NAME));
    const huge = `<!--5-->\n[Huge](https://a.org/huge)\n------\n\n${'<p>word</p>'.repeat(20_000)}\n`;
    await writeFile(join(root, 'big', '000_eeeeeeeeeeeeeeee.txt'), huge);
    const folder = feedOf(await readAll(root, { maxFileBytes: 100_000 }), 'big');
    expect(folder.problems).toEqual([
      {
        file: 'big/000_eeeeeeeeeeeeeeee.txt',
        reason: `${Buffer.byteLength(huge)} bytes, over the limit of 100000 bytes; skipped`,
      },
    ]);
    expect(folder.records.map((r) => r.key)).toEqual(['b016ae68f5e95a47']);
    expect(feedOf(await readAll(root), 'big').records).toHaveLength(2);
  });

  it('refuses by line number an index line over the record limit and keeps the others', async () => {
    const feed: ArchiveFeed = { url: 'https://a.org/rss', title: 'A' };
    const folder = feedFolderName(feed.url);
    const record = (identity: string, body: string) =>
      buildArchiveRecord({
        identity,
        revision: 0,
        feedUrl: feed.url,
        title: identity,
        authors: [],
        categories: [],
        enclosures: [],
        seenAt: 1_700_000_000_000,
        fileBody: 'raw',
        rawBody: body,
      });
    const small = record('small', '<p>small body</p>');
    const large = record('large', `<p>${'x'.repeat(50_000)}</p>`);
    await writeArticleRevision(root, { feed, record: small });
    await writeArticleRevision(root, { feed, record: large });
    const read = feedOf(await readAll(root, { maxRecordBytes: 10_000, maxFileBytes: 100_000 }), folder);
    expect(read.problems).toEqual([
      {
        file: `${folder}/index.jsonl`,
        reason: expect.stringMatching(/^line 2: \d+ bytes, over the limit of 10000 bytes; skipped$/),
      },
    ]);
    expect(read.records.map((r) => [r.file, r.rawBody])).toEqual([
      [small.file, small.rawBody],
      [large.file, large.rawBody],
    ]);
    expect(read.bareFiles).toEqual([large.file]);
  });
});
