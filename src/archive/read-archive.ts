/**
 * Reading an archive folder back (for import / rebuilding the database). `readArchive`
 * is an async generator yielding one feed folder at a time, so a large archive is never
 * held in memory at once. The root itself is read as a feed folder too when it holds
 * article files (docs/archive-format.md: "the example alone still imports"), then each
 * non-hidden subfolder in name order. Sidecar records win; `.txt` files without a record
 * (bare folders, or a crash between file and index line) become articles of their own,
 * identified by the key in their name. Every problem is reported by file name and never
 * stops the rest; only an unreadable root throws.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../domain/errors.ts';
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

/** Yields the root (when it holds archive files) and then each subfolder holding any; throws AppError `archive.unreadable` when the root cannot be listed. */
export async function* readArchive(root: string): AsyncGenerator<ArchiveFolder> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    throw new AppError('archive.unreadable', `cannot read archive folder ${root}`, { cause: error });
  }
  const rootFolder = await readArchiveFolder(root, '');
  if (rootFolder !== undefined) yield rootFolder;
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  for (const name of folders) {
    const folder = await readArchiveFolder(root, name);
    if (folder !== undefined) yield folder;
  }
}

/** Reads one folder (`folder` relative to `root`, '' for the root); undefined when it holds no archive files. */
export async function readArchiveFolder(root: string, folder: string): Promise<ArchiveFolder | undefined> {
  const path = join(root, folder);
  const at = (name: string) => (folder === '' ? name : `${folder}/${name}`);
  let names: Set<string>;
  try {
    const entries = await readdir(path, { withFileTypes: true });
    names = new Set(entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name));
  } catch (error) {
    return {
      kind: 'unreadable',
      folder,
      problems: [{ file: folder === '' ? '.' : folder, reason: `cannot list folder: ${describe(error)}` }],
    };
  }
  const texts = [...names].filter((n) => n.endsWith('.txt')).sort();
  if (!names.has(INDEX_FILE) && !names.has(FEED_FILE) && texts.length === 0) return undefined;
  const problems: ArchiveProblem[] = [];
  const problem = (name: string, reason: string) => problems.push({ file: at(name), reason });

  const indexed = names.has(INDEX_FILE)
    ? await readIndex(join(path, INDEX_FILE), (r) => problem(INDEX_FILE, r))
    : new Map<string, ArchiveRecord>();
  let feed: ArchiveFeed | undefined;
  if (names.has(FEED_FILE)) {
    const parsed = await readText(join(path, FEED_FILE)).then(parseArchiveFeed, (e) => ({
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
    const record = await readBareFile(join(path, name), name, feed, byKey);
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

/** Reads `index.jsonl` line by line (bytes, so a torn multi-byte character spoils only its line): the last valid record per file wins. */
async function readIndex(path: string, report: (reason: string) => void): Promise<Map<string, ArchiveRecord>> {
  const records = new Map<string, ArchiveRecord>();
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    report(describe(error));
    return records;
  }
  for (let start = 0, n = 1; start < bytes.length; n++) {
    const end = bytes.indexOf(0x0a, start);
    const torn = end === -1;
    const line = bytes.subarray(start, torn ? bytes.length : end);
    start = torn ? bytes.length : end + 1;
    const parsed = line.every((b) => b === 0x20 || b === 0x0d || b === 0x09) ? undefined : parseLine(line);
    if (parsed === undefined) continue;
    if (parsed.kind === 'ok') {
      records.delete(parsed.value.file);
      records.set(parsed.value.file, parsed.value);
    } else {
      report(`line ${n}: ${torn ? 'incomplete last line (interrupted write), ignored' : parsed.reason}`);
    }
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
): Promise<ArchiveRecord | string> {
  let text: string;
  try {
    text = await readText(path);
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

async function readText(path: string): Promise<string> {
  return decodeUtf8(await readFile(path));
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
