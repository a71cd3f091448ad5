/**
 * Live writes into an archive folder, one article revision at a time: the article file
 * is written atomically and never replaced (a revision file is history; same bytes is a
 * no-op, different bytes is a conflict value), then the record is appended to the feed
 * folder's `index.jsonl` and fsync'd. The order matters for crashes: a file without its
 * index line is healed by writing the same revision again (and still imports meanwhile,
 * see read-archive.ts); a torn last index line is closed off by the next append so it
 * can never swallow a good record. Assumes one writer per archive at a time.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../domain/errors.ts';
import { writeFileAtomic, syncFolder } from '../util/write-file-atomic.ts';
import { formatArticleFile } from './article-file.ts';
import { FEED_FILE, INDEX_FILE, feedFolderName } from './archive-layout.ts';
import {
  articleFileOf,
  checkRecord,
  serializeFeed,
  serializeRecord,
  type ArchiveFeed,
  type ArchiveRecord,
} from './serialize-sidecars.ts';

/** What writing one revision did; `conflict` means a different file already has this name and nothing was written. */
export type WriteRevisionResult =
  | { kind: 'written'; path: string }
  | { kind: 'unchanged'; path: string }
  | { kind: 'conflict'; path: string; reason: string };

/** The feed and the record of one article revision. */
export interface WriteArticleRevisionInput {
  feed: ArchiveFeed;
  record: ArchiveRecord;
}

/** Returns why `record` cannot be archived in `feed`'s folder, or undefined when it can. */
export function revisionProblem(feed: ArchiveFeed, record: ArchiveRecord): string | undefined {
  return checkRecord(record) ?? (record.feedUrl === feed.url ? undefined : 'record.feedUrl differs from feed.url');
}

/** Writes one revision's article file and index line under `root`; throws AppError `archive.invalid` for a record that breaks the format's rules. */
export async function writeArticleRevision(
  root: string,
  input: WriteArticleRevisionInput,
): Promise<WriteRevisionResult> {
  const { feed, record } = input;
  const problem = revisionProblem(feed, record);
  if (problem !== undefined) throw new AppError('archive.invalid', `cannot archive ${record.file}: ${problem}`);
  const folder = await writeArchiveFeed(root, feed);
  const path = join(folder, record.file);
  const outcome = await writeArticleFileOnce(path, formatArticleFile(articleFileOf(record)));
  if (outcome === 'conflict') {
    return { kind: 'conflict', path, reason: 'a different file with this revision name already exists' };
  }
  const line = serializeRecord(record);
  if (outcome === 'written' || !(await indexHasLine(folder, line))) await appendIndexLine(folder, line);
  return { kind: outcome, path };
}

/** Creates the feed's folder if needed and writes its `feed.json` when it changed; returns the folder's path. */
export async function writeArchiveFeed(root: string, feed: ArchiveFeed): Promise<string> {
  const folder = join(root, feedFolderName(feed.url));
  if ((await mkdir(folder, { recursive: true })) !== undefined) await syncFolder(root);
  const path = join(folder, FEED_FILE);
  const text = serializeFeed(feed);
  if ((await readIfExists(path))?.toString('utf8') !== text) await writeFileAtomic(path, text);
  return folder;
}

/** Writes `content` at `path` unless a file is there: `unchanged` when it holds the same bytes, `conflict` when not. */
export async function writeArticleFileOnce(
  path: string,
  content: string,
): Promise<'written' | 'unchanged' | 'conflict'> {
  const bytes = Buffer.from(content, 'utf8');
  const existing = await readIfExists(path);
  if (existing !== undefined) return existing.equals(bytes) ? 'unchanged' : 'conflict';
  try {
    await writeFileAtomic(path, bytes, { exclusive: true });
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(path)).equals(bytes) ? 'unchanged' : 'conflict';
  }
}

/** Appends one line to the folder's `index.jsonl` and fsyncs it, first ending a torn last line left by a crash. */
export async function appendIndexLine(folder: string, line: string): Promise<void> {
  await appendIndexLines(folder, [line]);
}

/** Appends lines to the folder's `index.jsonl` with one write and one fsync (none with `sync: false`: the caller's barrier), first ending a torn last line left by a crash. */
export async function appendIndexLines(
  folder: string,
  lines: readonly string[],
  options: { sync?: boolean } = {},
): Promise<void> {
  const sync = options.sync ?? true;
  const handle = await open(join(folder, INDEX_FILE), 'a+');
  let size: number;
  try {
    size = (await handle.stat()).size;
    let torn = false;
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      torn = last[0] !== 0x0a;
    }
    await handle.appendFile(indexText(lines, torn));
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
  if (sync && size === 0) await syncFolder(folder);
}

/** Returns the text that appends `lines` to an index, each ending in a newline, after one that ends a torn last line when `torn`. */
export function indexText(lines: readonly string[], torn: boolean): string {
  return (torn ? '\n' : '') + lines.map((line) => (line.endsWith('\n') ? line : `${line}\n`)).join('');
}

async function indexHasLine(folder: string, line: string): Promise<boolean> {
  const index = await readIfExists(join(folder, INDEX_FILE));
  return index?.toString('utf8').split('\n').includes(line.replace(/\n$/, '')) === true;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
