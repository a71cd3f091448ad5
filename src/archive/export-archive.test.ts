import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../domain/errors.ts';
import { feedFolderName } from './archive-layout.ts';
import { canonicalRecords, exportArchive, exportFeedFolder, type ExportFeedInput } from './export-archive.ts';
import { readArchive } from './read-archive.ts';
import { writeArticleRevision } from './write-archive.ts';
import { sampleFeeds, snapshotTree } from './testdata/sample-records.ts';

const FIXTURE_NAME = '000_b016ae68f5e95a47.txt';
const FIXTURE = new URL(`./testdata/${FIXTURE_NAME}`, import.meta.url);

async function importFeeds(root: string): Promise<ExportFeedInput[]> {
  const feeds: ExportFeedInput[] = [];
  for await (const folder of readArchive(root)) {
    if (folder.kind !== 'feed') throw new Error(`unreadable ${folder.folder}`);
    expect(folder.problems).toEqual([]);
    feeds.push({ feed: folder.feed, records: folder.records });
  }
  return feeds;
}

let base: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'tidings-export-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('exportArchive', () => {
  it('export → import → export gives byte-identical folders, and import gives back every record', async () => {
    const feeds = sampleFeeds(5, 42);
    const results = await exportArchive(join(base, 'a'), feeds);
    expect(results.every((r) => r.conflicts.length === 0 && r.unchanged === 0)).toBe(true);
    const imported = await importFeeds(join(base, 'a'));
    expect(imported.map((f) => f.feed.url).sort()).toEqual(feeds.map((f) => f.feed.url).sort());
    for (const { feed, records } of feeds) {
      const back = imported.find((f) => f.feed.url === feed.url);
      expect(back?.feed).toEqual(feed);
      expect(back?.records).toEqual(canonicalRecords(records));
    }
    await exportArchive(join(base, 'b'), imported);
    expect(await snapshotTree(join(base, 'b'))).toEqual(await snapshotTree(join(base, 'a')));
  });

  it('gives the same bytes whatever order records arrive in', async () => {
    const [{ feed, records }] = sampleFeeds(1, 3);
    await exportFeedFolder(join(base, 'a'), { feed, records });
    await exportFeedFolder(join(base, 'b'), { feed, records: [...records].reverse() });
    expect(await snapshotTree(join(base, 'b'))).toEqual(await snapshotTree(join(base, 'a')));
  });

  it('turns a live-written folder with superseded and torn index lines into a stable export', async () => {
    const [{ feed, records }] = sampleFeeds(1, 9);
    const live = join(base, 'live');
    for (const record of records) await writeArticleRevision(live, { feed, record });
    await writeArticleRevision(live, { feed, record: { ...records[0], fingerprint: 'later' } });
    await appendFile(join(live, feedFolderName(feed.url), 'index.jsonl'), '{"file":');
    let problems = 0;
    for await (const folder of readArchive(live)) problems += folder.problems.length;
    expect(problems).toBe(1);
    const fromLive: ExportFeedInput[] = [];
    for await (const folder of readArchive(live)) if (folder.kind === 'feed') fromLive.push(folder);
    await exportArchive(join(base, 'a'), fromLive);
    await exportArchive(join(base, 'b'), await importFeeds(join(base, 'a')));
    expect(await snapshotTree(join(base, 'b'))).toEqual(await snapshotTree(join(base, 'a')));
    const liveFile = await readFile(join(live, feedFolderName(feed.url), records[0].file));
    expect(await readFile(join(base, 'a', feedFolderName(feed.url), records[0].file))).toEqual(liveFile);
  });

  it('re-exports the bare reference file with the same bytes', async () => {
    await mkdir(join(base, 'bare', 'rfi'), { recursive: true });
    await copyFile(FIXTURE, join(base, 'bare', 'rfi', FIXTURE_NAME));
    const [result] = await exportArchive(join(base, 'a'), await importFeeds(join(base, 'bare')));
    expect(await readFile(join(base, 'a', result.folder, FIXTURE_NAME))).toEqual(await readFile(FIXTURE));
    await exportArchive(join(base, 'b'), await importFeeds(join(base, 'a')));
    expect(await snapshotTree(join(base, 'b'))).toEqual(await snapshotTree(join(base, 'a')));
  });

  it('keeps an existing different article file and reports it as a conflict', async () => {
    const [{ feed, records }] = sampleFeeds(1, 5);
    const folder = join(base, 'a', feedFolderName(feed.url));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, records[0].file), 'edited by hand\n');
    const result = await exportFeedFolder(join(base, 'a'), { feed, records });
    expect(result.conflicts).toEqual([
      { file: `${feedFolderName(feed.url)}/${records[0].file}`, reason: expect.any(String) },
    ]);
    expect(await readFile(join(folder, records[0].file), 'utf8')).toBe('edited by hand\n');
    expect(result.written).toBe(new Set(records.map((r) => r.file)).size - 1);
  });

  it('refuses two feeds that would share one folder', async () => {
    const [one] = sampleFeeds(1, 1);
    await expect(exportArchive(join(base, 'a'), [one, { ...one, records: [] }])).rejects.toSatisfy((e) =>
      isAppError(e, 'archive.invalid'),
    );
  });
});
