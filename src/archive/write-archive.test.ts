import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, mkdtemp, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../domain/errors.ts';
import { formatArticleFile } from './article-file.ts';
import { feedFolderName } from './archive-layout.ts';
import { articleFileOf, buildArchiveRecord, type ArchiveFeed, type ArchiveRecord } from './serialize-sidecars.ts';
import { readArchiveFolder } from './read-archive.ts';
import { writeArticleRevision } from './write-archive.ts';

const feed: ArchiveFeed = { url: 'https://www.rfi.fr/cn/rss', title: 'RFI 中文', siteUrl: 'https://www.rfi.fr/cn/' };
const folder = feedFolderName(feed.url);

function revision(n: number, extra: Partial<ArchiveRecord> = {}): ArchiveRecord {
  return buildArchiveRecord({
    identity: 'guid:rfi-1',
    revision: n,
    feedUrl: feed.url,
    title: `标题 [${n}]`,
    link: 'https://www.rfi.fr/cn/1',
    authors: [],
    categories: [],
    enclosures: [],
    publishedAt: 1_667_393_102_000,
    seenAt: 1_700_000_000_000 + n,
    fileBody: 'cleaned',
    rawBody: `<p>raw ${n}</p><div>获取更多RSS</div>`,
    cleanedBody: `<p>clean ${n}</p>`,
    ...extra,
  });
}

async function indexLines(root: string): Promise<string[]> {
  return (await readFile(join(root, folder, 'index.jsonl'), 'utf8')).split('\n').filter((l) => l !== '');
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tidings-write-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeArticleRevision', () => {
  it('writes the article file, feed.json and one index line that reads back as the same record', async () => {
    const record = revision(0);
    expect(await writeArticleRevision(root, { feed, record })).toEqual({
      kind: 'written',
      path: join(root, folder, record.file),
    });
    expect(await readFile(join(root, folder, record.file), 'utf8')).toBe(formatArticleFile(articleFileOf(record)));
    expect(await readFile(join(root, folder, record.file), 'utf8')).toContain('\n\n<p>clean 0</p>\n');
    expect(await readdir(join(root, folder))).toEqual([`000_${record.key}.txt`, 'feed.json', 'index.jsonl'].sort());
    const read = await readArchiveFolder(root, folder);
    expect(read).toMatchObject({
      kind: 'feed',
      feed,
      feedFrom: 'feed.json',
      records: [record],
      bareFiles: [],
      problems: [],
    });
  });

  it('keeps every revision in its own file and never rewrites an old one', async () => {
    await writeArticleRevision(root, { feed, record: revision(0) });
    const first = await readFile(join(root, folder, revision(0).file));
    await writeArticleRevision(root, { feed, record: revision(1) });
    expect(await readFile(join(root, folder, revision(0).file))).toEqual(first);
    expect(await readFile(join(root, folder, revision(1).file), 'utf8')).toContain('<p>clean 1</p>');
    expect(await indexLines(root)).toHaveLength(2);
  });

  it('writes nothing new for the same revision written twice', async () => {
    await writeArticleRevision(root, { feed, record: revision(0) });
    expect((await writeArticleRevision(root, { feed, record: revision(0) })).kind).toBe('unchanged');
    expect(await indexLines(root)).toHaveLength(1);
  });

  it('reports a conflict and keeps the existing file when a revision name is reused for other content', async () => {
    await writeArticleRevision(root, { feed, record: revision(0) });
    const before = await readFile(join(root, folder, revision(0).file));
    const result = await writeArticleRevision(root, { feed, record: revision(0, { cleanedBody: '<p>other</p>' }) });
    expect(result.kind).toBe('conflict');
    expect(await readFile(join(root, folder, revision(0).file))).toEqual(before);
    expect(await indexLines(root)).toHaveLength(1);
  });

  it('heals a crash between the article file and its index line by writing the revision again', async () => {
    await writeArticleRevision(root, { feed, record: revision(0) });
    await unlink(join(root, folder, 'index.jsonl'));
    expect((await writeArticleRevision(root, { feed, record: revision(0) })).kind).toBe('unchanged');
    expect(await indexLines(root)).toHaveLength(1);
  });

  it('closes off a torn last index line so the next record stays readable', async () => {
    await writeArticleRevision(root, { feed, record: revision(0) });
    await appendFile(join(root, folder, 'index.jsonl'), '{"file":"001_abc","key":"ab');
    await writeArticleRevision(root, { feed, record: revision(1) });
    const read = await readArchiveFolder(root, folder);
    expect(read?.kind === 'feed' && read.records).toEqual([revision(0), revision(1)]);
    expect(read?.problems).toEqual([{ file: `${folder}/index.jsonl`, reason: 'line 2: not valid JSON' }]);
  });

  it('keeps the folder when the feed is renamed and updates feed.json', async () => {
    await writeArticleRevision(root, { feed, record: revision(0) });
    const renamed = { ...feed, title: 'RFI 华语' };
    await writeArticleRevision(root, { feed: renamed, record: revision(1) });
    expect(await readdir(root)).toEqual([folder]);
    expect(JSON.parse(await readFile(join(root, folder, 'feed.json'), 'utf8')).title).toBe('RFI 华语');
  });

  it('refuses records that break the format rules', async () => {
    const bad = [
      { ...revision(0), file: 'x.txt' },
      revision(0, { feedUrl: 'https://other.org/rss' }),
      revision(0, { cleanedBody: undefined }),
    ];
    for (const record of bad) {
      await expect(writeArticleRevision(root, { feed, record })).rejects.toSatisfy((e) =>
        isAppError(e, 'archive.invalid'),
      );
    }
    expect(await readdir(root)).toEqual([]);
  });
});
