import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../domain/errors.ts';
import { feedFolderName } from './archive-layout.ts';
import { formatArticleFile } from './article-file.ts';
import { articleFileOf, buildArchiveRecord, type ArchiveFeed, type ArchiveRecord } from './serialize-sidecars.ts';
import { readArchiveFolder } from './read-archive.ts';
import { rewriteArticleRevision } from './rewrite-archive.ts';
import { writeArticleRevision } from './write-archive.ts';

const feed: ArchiveFeed = { url: 'https://www.rfi.fr/cn/rss', title: 'RFI 中文' };
const folder = feedFolderName(feed.url);

function revision(cleanedBody: string, extra: Partial<ArchiveRecord> = {}): ArchiveRecord {
  return buildArchiveRecord({
    identity: 'guid:rfi-1',
    revision: 0,
    feedUrl: feed.url,
    title: '标题',
    link: 'https://www.rfi.fr/cn/1',
    authors: [],
    categories: [],
    enclosures: [],
    publishedAt: 1_667_393_102_000,
    seenAt: 1_700_000_000_000,
    fileBody: 'cleaned',
    rawBody: '<p>raw</p><div>获取更多RSS</div>',
    cleanedBody,
    ...extra,
  });
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tidings-rewrite-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('rewriteArticleRevision', () => {
  it('replaces the body of an existing revision file and appends a superseding index line that reads back', async () => {
    const old = revision('<p>raw</p><div>获取更多RSS</div>');
    await writeArticleRevision(root, { feed, record: old });
    const recleaned = revision('<p>raw</p>');
    expect(await rewriteArticleRevision(root, { feed, record: recleaned })).toEqual({
      kind: 'rewritten',
      path: join(root, folder, old.file),
    });
    const file = await readFile(join(root, folder, old.file), 'utf8');
    expect(file).toContain('\n\n<p>raw</p>\n');
    expect(file).not.toContain('获取更多');
    expect((await readFile(join(root, folder, 'index.jsonl'), 'utf8')).trimEnd().split('\n')).toHaveLength(2);
    const read = await readArchiveFolder(root, folder);
    expect(read?.kind === 'feed' && read.records).toEqual([recleaned]);
    expect((await readdir(join(root, folder))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('is idempotent: the same body again writes nothing and appends no line', async () => {
    await writeArticleRevision(root, { feed, record: revision('<p>a</p>') });
    await rewriteArticleRevision(root, { feed, record: revision('<p>b</p>') });
    expect(await rewriteArticleRevision(root, { feed, record: revision('<p>b</p>') })).toMatchObject({
      kind: 'unchanged',
    });
    expect((await readFile(join(root, folder, 'index.jsonl'), 'utf8')).trimEnd().split('\n')).toHaveLength(2);
  });

  it('heals a rewrite interrupted after the file: the missing index line is appended', async () => {
    const old = revision('<p>a</p>');
    await writeArticleRevision(root, { feed, record: old });
    const recleaned = revision('<p>b</p>');
    // A crash after the atomic file replacement, before the index line.
    await writeFile(join(root, folder, old.file), formatArticleFile(articleFileOf(recleaned)));
    expect(await rewriteArticleRevision(root, { feed, record: recleaned })).toMatchObject({ kind: 'unchanged' });
    const read = await readArchiveFolder(root, folder);
    expect(read?.kind === 'feed' && read.records).toEqual([recleaned]);
  });

  it('writes a missing file and refuses a record that breaks the format', async () => {
    expect(await rewriteArticleRevision(root, { feed, record: revision('<p>x</p>') })).toMatchObject({
      kind: 'written',
    });
    const bad = { ...revision('<p>x</p>'), file: 'nope.txt' };
    await expect(rewriteArticleRevision(root, { feed, record: bad })).rejects.toSatisfy((e: unknown) =>
      isAppError(e, 'archive.invalid'),
    );
  });
});
