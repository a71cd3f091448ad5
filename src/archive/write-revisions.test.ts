import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedFolderName } from './archive-layout.ts';
import { buildArchiveRecord, type ArchiveFeed, type ArchiveRecord } from './serialize-sidecars.ts';
import { readArchiveFolder } from './read-archive.ts';
import { writeArticleRevision } from './write-archive.ts';
import { asyncRevisionIo, blockingRevisionIo } from './revision-io.ts';
import { writeArticleRevisions, writeRevisionGroups } from './write-revisions.ts';

const feed: ArchiveFeed = { url: 'https://www.rfi.fr/cn/rss', title: 'RFI 中文' };
const folder = feedFolderName(feed.url);

function revision(id: string, n: number, extra: Partial<ArchiveRecord> = {}): ArchiveRecord {
  return buildArchiveRecord({
    identity: `guid:${id}`,
    revision: n,
    feedUrl: feed.url,
    title: `标题 ${id} [${n}]`,
    link: `https://www.rfi.fr/cn/${id}`,
    authors: [],
    categories: [],
    enclosures: [],
    publishedAt: 1_667_393_102_000,
    seenAt: 1_700_000_000_000 + n,
    fileBody: 'cleaned',
    rawBody: `<p>raw ${id} ${n}</p>`,
    cleanedBody: `<p>clean ${id} ${n}</p>`,
    ...extra,
  });
}

async function folderFiles(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(join(root, folder))).sort())
    files[name] = await readFile(join(root, folder, name), 'utf8');
  return files;
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tidings-batch-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.each([
  ['promise-based', asyncRevisionIo],
  ['blocking', blockingRevisionIo],
])('writeArticleRevisions with %s calls', (_, io) => {
  it('writes the same files and index as writing the revisions one by one', async () => {
    const records = [revision('a', 0), revision('b', 0), revision('a', 1), revision('中', 0)];
    const results = await writeArticleRevisions(root, feed, records, { io });
    expect(results).toEqual(records.map((r) => ({ kind: 'written', path: join(root, folder, r.file) })));
    const single = join(root, 'single');
    for (const record of records) await writeArticleRevision(single, { feed, record });
    const batch = await folderFiles(root);
    expect(batch).toEqual(await folderFiles(single));
    expect(batch['index.jsonl'].trim().split('\n')).toHaveLength(4);
    const read = await readArchiveFolder(root, folder);
    expect(read).toMatchObject({ kind: 'feed', records: expect.arrayContaining(records), problems: [] });
  });

  it('leaves existing files alone: the same bytes are unchanged, other bytes a conflict; only missing index lines are added', async () => {
    await writeArticleRevision(root, { feed, record: revision('a', 0) });
    await writeArticleRevision(root, { feed, record: revision('b', 0) });
    await unlink(join(root, folder, 'index.jsonl'));
    await writeArticleRevision(root, { feed, record: revision('c', 0) });
    const before = await readFile(join(root, folder, revision('b', 0).file));
    const results = await writeArticleRevisions(
      root,
      feed,
      [revision('a', 0), revision('b', 0, { cleanedBody: '<p>other</p>' }), revision('c', 0), revision('d', 0)],
      { io },
    );
    expect(results.map((r) => r.kind)).toEqual(['unchanged', 'conflict', 'unchanged', 'written']);
    expect(await readFile(join(root, folder, revision('b', 0).file))).toEqual(before);
    const lines = (await readFile(join(root, folder, 'index.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).file as string);
    expect(lines).toEqual([revision('c', 0).file, revision('a', 0).file, revision('d', 0).file]);
  });

  it('refuses records that break the format rules and still writes the others', async () => {
    const results = await writeArticleRevisions(
      root,
      feed,
      [
        { ...revision('a', 0), file: 'x.txt' },
        revision('b', 0),
        revision('c', 0, { feedUrl: 'https://other.org/rss' }),
      ],
      { io },
    );
    expect(results.map((r) => r.kind)).toEqual(['invalid', 'written', 'invalid']);
    expect(Object.keys(await folderFiles(root))).toEqual([revision('b', 0).file, 'feed.json', 'index.jsonl'].sort());
  });

  it('removes the temporary files a killed writer left, but not those of a running one', async () => {
    await mkdir(join(root, folder), { recursive: true });
    const dead = `.${revision('a', 0).file}.tmp-4194303-0123456789ab`;
    const live = `.${revision('b', 0).file}.tmp-${process.ppid}-0123456789ab`;
    await writeFile(join(root, folder, dead), 'half');
    await writeFile(join(root, folder, live), 'half');
    await writeArticleRevisions(root, feed, [revision('c', 0)], { io });
    const names = await readdir(join(root, folder));
    expect(names).toContain(live);
    expect(names).not.toContain(dead);
  });

  it('writes many feeds with three barriers in all: contents durable before any name, names before any index line', async () => {
    const other: ArchiveFeed = { url: 'https://www.bbc.com/zhongwen/rss', title: 'BBC' };
    const otherFolder = feedFolderName(other.url);
    const seen: Array<{ names: string[]; index: boolean }> = [];
    const syncFileSystem = async (path: string) => {
      expect(path).toBe(root);
      const names = (await readdir(join(root, folder)).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));
      seen.push({ names, index: names.includes('index.jsonl') });
      return true;
    };
    const mine = [revision('a', 0), revision('b', 0)];
    const theirs = [{ ...revision('x', 0), feedUrl: other.url }];
    const results = await writeRevisionGroups(
      root,
      [
        { feed, records: mine },
        { feed: other, records: theirs },
      ],
      { syncFileSystem, io },
    );
    expect(results.map((list) => list.map((r) => r.kind))).toEqual([['written', 'written'], ['written']]);
    expect(seen).toEqual([
      { names: [], index: false },
      { names: expect.arrayContaining([mine[0].file, mine[1].file, 'feed.json']), index: false },
      { names: expect.arrayContaining(['index.jsonl']), index: true },
    ]);
    expect((await readdir(join(root, otherFolder))).sort()).toEqual(
      [theirs[0].file, 'feed.json', 'index.jsonl'].sort(),
    );
    expect((await readdir(join(root, folder))).some((n) => n.startsWith('.'))).toBe(false);
  });

  it('fsyncs file by file where the file system cannot be synced at once, with the same result', async () => {
    const records = [revision('a', 0), revision('b', 0), revision('a', 1)];
    const results = await writeArticleRevisions(root, feed, records, { syncFileSystem: async () => false, io });
    expect(results.map((r) => r.kind)).toEqual(['written', 'written', 'written']);
    const single = join(root, 'single');
    for (const record of records) await writeArticleRevision(single, { feed, record });
    expect(await folderFiles(root)).toEqual(await folderFiles(single));
  });

  it('ends a torn last index line before appending, so no record is swallowed', async () => {
    await writeArticleRevisions(root, feed, [revision('a', 0)], { io });
    const index = join(root, folder, 'index.jsonl');
    await writeFile(index, `${await readFile(index, 'utf8')}{"torn`);
    await writeArticleRevisions(root, feed, [revision('b', 0)], { io });
    const lines = (await readFile(index, 'utf8')).split('\n');
    expect(lines[1]).toBe('{"torn');
    expect(JSON.parse(lines[2]).file).toBe(revision('b', 0).file);
  });

  it('finds a name taken between staging and linking, and compares instead of replacing', async () => {
    const taken = {
      ...io,
      linkNew: async (temp: string, path: string) => {
        await writeFile(path, 'someone else');
        return io.linkNew(temp, path);
      },
    };
    const results = await writeArticleRevisions(root, feed, [revision('a', 0)], { io: taken });
    expect(results.map((r) => r.kind)).toEqual(['conflict']);
    expect(await readFile(join(root, folder, revision('a', 0).file), 'utf8')).toBe('someone else');
    expect((await readdir(join(root, folder))).some((n) => n.startsWith('.'))).toBe(false);
  });
});
