/**
 * Reading an archive folder back (for import / rebuilding the database). `readArchive`
 * is an async generator yielding one feed folder at a time, so a large archive is never
 * held in memory at once. The root itself is read as a feed folder too when it holds
 * article files (docs/archive-format.md: "the example alone still imports"), then each
 * non-hidden subfolder in name order. Sidecar records win; `.txt` files without a record
 * (bare folders, or a crash between file and index line) become articles of their own,
 * identified by the key in their name. Every problem is reported by file name and never
 * stops the rest; only an unreadable root throws. Nothing is skipped without a word: a
 * symbolic link (never followed), anything that is not a regular file or folder, a file that
 * is not an article file, `feed.json` or `index.jsonl`, a folder inside a feed folder, and a
 * file or index line over the size limit are each reported (docs/archive-format.md); only
 * hidden names (`.git`, temporary files) and the repository's `README.md` indexes (git/archive-readme.ts)
 * are passed over on purpose. Files are read into one
 * buffer of their size after their size was checked, and `index.jsonl` line by line.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../domain/errors.ts';
import { README_FILE } from './git/archive-readme.ts';
import { readFileLimited } from '../util/read-file-limited.ts';
import { readLines } from '../util/read-lines.ts';
import { readArticleFile } from './article-file.ts';
import { FEED_FILE, INDEX_FILE, articleFileNameForKey, articleKey, parseArticleFileName } from './archive-layout.ts';
import { compareRecords, type ArchiveFeed, type ArchiveProblem, type ArchiveRecord } from './serialize-sidecars.ts';
import { parseArchiveFeed, parseArchiveRecord, type ParseSidecarResult } from './parse-sidecars.ts';

/** One folder of an archive: a feed with its records (sorted by revision, then key), or a folder that could not be listed. */
export type ArchiveFolder =
  | {
      kind: 'feed';
      /** Path relative to the root; '' for the root itself. */
      folder: string;
      feed: ArchiveFeed;
      /** Where the feed metadata came from: its feed.json, its index records, or only the folder's name. */
      feedFrom: 'feed.json' | 'index' | 'folder';
      records: ArchiveRecord[];
      /** Article files imported from the file alone, without an index record. */
      bareFiles: string[];
      problems: ArchiveProblem[];
    }
  | { kind: 'unreadable'; folder: string; problems: ArchiveProblem[] };

/** Size limits of a read; absent means no limit (a rebuild reads its own archive whole). */
export interface ReadArchiveOptions {
  /** The largest article file or `feed.json` read, in bytes; larger ones are reported and skipped. */
  maxFileBytes?: number;
  /** The longest `index.jsonl` line read, in bytes; longer ones are reported and skipped. */
  maxRecordBytes?: number;
}

/** Yields the root (when it holds archive files) and then each subfolder holding any; throws AppError `archive.unreadable` when the root cannot be listed. */
export async function* readArchive(root: string, options: ReadArchiveOptions = {}): AsyncGenerator<ArchiveFolder> {
  let entries: Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    throw new AppError('archive.unreadable', `cannot read archive folder ${root}`, { cause: error });
  }
  const rootFolder = await readArchiveFolder(root, '', options);
  if (rootFolder !== undefined) yield rootFolder;
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  for (const name of folders) {
    const folder = await readArchiveFolder(root, name, options);
    if (folder !== undefined) yield folder;
  }
}

/** Reads one folder (`folder` relative to `root`, '' for the root); undefined when it holds neither archive files nor anything to report. */
export async function readArchiveFolder(
  root: string,
  folder: string,
  options: ReadArchiveOptions = {},
): Promise<ArchiveFolder | undefined> {
  const path = join(root, folder);
  const at = (name: string) => (folder === '' ? name : `${folder}/${name}`);
  let entries: Dirent[];
  try {
    entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  } catch (error) {
    return {
      kind: 'unreadable',
      folder,
      problems: [{ file: folder === '' ? '.' : folder, reason: `cannot list folder: ${describe(error)}` }],
    };
  }
  const problems: ArchiveProblem[] = [];
  const problem = (name: string, reason: string) => problems.push({ file: at(name), reason });
  const names = new Set<string>();
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const skipped = skippedEntry(entry, folder === '');
    if (skipped === undefined) names.add(entry.name);
    else if (skipped !== '') problem(entry.name, skipped);
  }
  const texts = [...names].filter((n) => n.endsWith('.txt')).sort();
  if (!names.has(INDEX_FILE) && !names.has(FEED_FILE) && texts.length === 0) {
    return problems.length === 0 ? undefined : { kind: 'unreadable', folder, problems };
  }

  const indexed = names.has(INDEX_FILE)
    ? await readIndex(join(path, INDEX_FILE), options.maxRecordBytes, (r) => problem(INDEX_FILE, r))
    : new Map<string, ArchiveRecord>();
  let feed: ArchiveFeed | undefined;
  if (names.has(FEED_FILE)) {
    const parsed = await readText(join(path, FEED_FILE), options.maxFileBytes).then(parseArchiveFeed, (e) => ({
      kind: 'invalid' as const,
      reason: describe(e),
    }));
    if (parsed.kind === 'ok') feed = parsed.value;
    else problem(FEED_FILE, parsed.reason);
  }
  const lastIndexed = [...indexed.values()].at(-1);
  const feedFrom = feed !== undefined ? 'feed.json' : lastIndexed !== undefined ? 'index' : 'folder';
  const folderName = folder === '' ? basename(root) : basename(folder);
  feed ??=
    lastIndexed !== undefined
      ? dropTitleIfAbsent({ url: lastIndexed.feedUrl, title: lastIndexed.feedTitle })
      : { url: `archive:${encodeURIComponent(folderName)}`, title: folderName };

  const byKey = new Map([...indexed.values()].map((r) => [r.key, r]));
  const bareFiles: string[] = [];
  const records = new Map(indexed);
  for (const name of texts) {
    if (indexed.has(name)) continue;
    const record = await readBareFile(join(path, name), name, feed, byKey, options.maxFileBytes);
    if (typeof record === 'string') problem(name, record);
    else if (records.has(record.file)) problem(name, `duplicates ${record.file}; skipped`);
    else {
      records.set(record.file, record);
      bareFiles.push(name);
    }
  }
  for (const file of indexed.keys()) {
    if (!names.has(file)) problem(file, `listed in ${INDEX_FILE} but missing; imported from the index`);
  }
  const sorted = [...records.values()].sort(compareRecords);
  return { kind: 'feed', folder, feed, feedFrom, records: sorted, bareFiles, problems };
}

/** Returns why an entry of a folder is not read ('' to pass over it quietly), or undefined when it may hold archive data. */
function skippedEntry(entry: Dirent, isRoot: boolean): string | undefined {
  if (entry.isSymbolicLink()) return 'symbolic link, not followed; skipped';
  if (entry.isDirectory())
    return isRoot ? '' : 'folder inside a feed folder, not read (feed folders are not nested); skipped';
  if (!entry.isFile()) return 'not a regular file; skipped';
  if (entry.name === README_FILE) return '';
  if (entry.name === INDEX_FILE || entry.name === FEED_FILE || entry.name.endsWith('.txt')) return undefined;
  return `not an article file (.txt), ${FEED_FILE} or ${INDEX_FILE}; skipped`;
}

/** Reads `index.jsonl` line by line (bytes, so a torn multi-byte character spoils only its line): the last valid record per file wins. */
async function readIndex(
  path: string,
  maxLineBytes: number | undefined,
  report: (reason: string) => void,
): Promise<Map<string, ArchiveRecord>> {
  const records = new Map<string, ArchiveRecord>();
  try {
    for await (const line of readLines(path, { maxLineBytes })) {
      if (line.kind === 'too-long') {
        report(`line ${line.number}: ${line.size} bytes, over the limit of ${maxLineBytes} bytes; skipped`);
        continue;
      }
      const bytes = line.bytes;
      const parsed = bytes.every((b) => b === 0x20 || b === 0x0d || b === 0x09) ? undefined : parseLine(bytes);
      if (parsed === undefined) continue;
      if (parsed.kind === 'ok') {
        records.delete(parsed.value.file);
        records.set(parsed.value.file, parsed.value);
      } else {
        report(
          `line ${line.number}: ${line.lastWithoutNewline ? 'incomplete last line (interrupted write), ignored' : parsed.reason}`,
        );
      }
    }
  } catch (error) {
    report(describe(error));
  }
  return records;
}

function parseLine(line: Uint8Array): ParseSidecarResult<ArchiveRecord> {
  try {
    return parseArchiveRecord(decodeUtf8(line));
  } catch (error) {
    return { kind: 'invalid', reason: describe(error) };
  }
}

/** Returns the record of an article file that has no index line, or why it cannot be read. */
async function readBareFile(
  path: string,
  name: string,
  feed: ArchiveFeed,
  byKey: Map<string, ArchiveRecord>,
  maxBytes: number | undefined,
): Promise<ArchiveRecord | string> {
  let text: string;
  try {
    text = await readText(path, maxBytes);
  } catch (error) {
    return describe(error);
  }
  const result = readArticleFile(text);
  if (result.kind === 'invalid') return result.reason;
  const named = parseArticleFileName(name);
  const key = named?.key ?? articleKey(`archive-file:${name}`);
  const revision = named?.revision ?? 0;
  const sibling = byKey.get(key);
  const { time, title, url, body } = result.article;
  return {
    file: articleFileNameForKey(key, revision),
    key,
    identity: sibling?.identity ?? (named === undefined ? `archive-file:${name}` : `archive-key:${key}`),
    revision,
    feedUrl: sibling?.feedUrl ?? feed.url,
    title,
    ...(url === '' ? {} : { link: url }),
    authors: [],
    categories: [],
    enclosures: [],
    publishedAt: time,
    seenAt: time,
    fileBody: 'raw',
    rawBody: body,
  };
}

async function readText(path: string, maxBytes: number | undefined): Promise<string> {
  const read = await readFileLimited(path, maxBytes);
  if (read.kind === 'too-large') throw new Error(`${read.size} bytes, over the limit of ${maxBytes} bytes; skipped`);
  if (read.kind === 'not-a-file') throw new Error('not a regular file; skipped');
  return decodeUtf8(read.bytes);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('not valid UTF-8');
  }
}

function dropTitleIfAbsent(feed: ArchiveFeed): ArchiveFeed {
  return feed.title === undefined ? { url: feed.url } : feed;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
