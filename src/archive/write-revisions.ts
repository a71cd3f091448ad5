/**
 * Live writes of many revisions, of one feed or of many at once, with the same files, the same
 * order of safety and the same outcomes as writing them one by one (write-archive.ts), but
 * with shared durability barriers. A batch goes in three phases over all its folders:
 * 1. stage: each folder is created if needed, its changed `feed.json` and every new article
 *    file are written under temporary names;
 * 2. once a barrier made the temporaries durable, each article file is linked under its
 *    name (never replacing a file) and `feed.json` renamed into place;
 * 3. once a barrier made the names durable, the index lines are appended, and a last barrier
 *    makes them durable before the call returns.
 * A barrier is one syncfs of the archive's file system (util/sync-file-system.ts) where it is
 * available, else an fsync of each file or folder concerned. A refresh round writes tens of
 * thousands of revisions: with three fsyncs each, that was most of a cold round's kernel
 * time. One readdir per folder tells which names exist, instead of a failed open
 * per new file, and finds the temporaries a killed writer left (removed once its pid is gone).
 */
import { join } from 'node:path';
import { mapLimited } from '../util/map-limited.ts';
import { syncFileSystem } from '../util/sync-file-system.ts';
import { temporaryPath } from '../util/write-file-atomic.ts';
import { formatArticleFile } from './article-file.ts';
import { FEED_FILE, INDEX_FILE, feedFolderName } from './archive-layout.ts';
import {
  articleFileOf,
  serializeFeed,
  serializeRecord,
  type ArchiveFeed,
  type ArchiveRecord,
} from './serialize-sidecars.ts';
import { asyncRevisionIo, type RevisionIo } from './revision-io.ts';
import { revisionProblem, type WriteRevisionResult } from './write-archive.ts';

/** The outcome for one record of a batch: as writeArticleRevision's, or `invalid` for a record the format refuses (nothing written). */
export type WriteRevisionsResult = WriteRevisionResult | { kind: 'invalid'; reason: string };

/** The revisions of one feed within a batch. */
export interface RevisionGroup {
  feed: ArchiveFeed;
  records: readonly ArchiveRecord[];
}

/** How a batch makes its writes durable (tests replace the barrier to take the fsync-per-file path) and which file system calls it makes (default the promise-based ones). */
export interface WriteRevisionsOptions {
  syncFileSystem?: (path: string) => Promise<boolean>;
  io?: RevisionIo;
}

/** Folders staged, linked and indexed at once. */
const FOLDERS_AT_ONCE = 4;
/** Files written at once within a folder. */
const FILES_AT_ONCE = 16;

interface StagedFolder {
  io: RevisionIo;
  folder?: string;
  created: boolean;
  records: readonly ArchiveRecord[];
  results: WriteRevisionsResult[];
  bytes: Map<number, Buffer>;
  /** New files: record index and temporary path (cleared once linked or removed). */
  temps: Array<{ i: number; temp?: string }>;
  toCompare: number[];
  feedFile?: { temp?: string; path: string };
  appendedIndex: boolean;
}

/** Writes the revisions of one feed (files, then index lines); returns one outcome per record, in order. Rejects only on fs errors. */
export async function writeArticleRevisions(
  root: string,
  feed: ArchiveFeed,
  records: readonly ArchiveRecord[],
  options: WriteRevisionsOptions = {},
): Promise<WriteRevisionsResult[]> {
  return (await writeRevisionGroups(root, [{ feed, records }], options))[0];
}

/** Writes the revisions of several feeds with shared barriers; returns each group's outcomes, in order. Rejects only on fs errors (temporaries removed). */
export async function writeRevisionGroups(
  root: string,
  groups: readonly RevisionGroup[],
  options: WriteRevisionsOptions = {},
): Promise<WriteRevisionsResult[][]> {
  const barrier = async (syncEach: () => Promise<void>) => {
    if (!(await (options.syncFileSystem ?? syncFileSystem)(root))) await syncEach();
  };
  const io = options.io ?? asyncRevisionIo;
  const staged: StagedFolder[] = groups.map(({ records }) => ({
    io,
    created: false,
    records,
    results: [],
    bytes: new Map(),
    temps: [],
    toCompare: [],
    appendedIndex: false,
  }));
  try {
    await mapLimited(groups, FOLDERS_AT_ONCE, (group, k) => stageFolder(root, group, staged[k]));
    const temps = staged
      .flatMap((s) => [...s.temps.map((t) => t.temp), s.feedFile?.temp])
      .filter((t): t is string => t !== undefined);
    if (temps.length > 0) await barrier(() => mapLimited(temps, FILES_AT_ONCE, io.syncFile).then(() => undefined));
    await mapLimited(staged, FOLDERS_AT_ONCE, linkFolder);
    const named = staged.filter(
      (s) =>
        s.folder !== undefined && (s.feedFile !== undefined || s.temps.some((t) => s.results[t.i].kind === 'written')),
    );
    if (named.length > 0) {
      await barrier(async () => {
        await mapLimited(named, FOLDERS_AT_ONCE, (s) => io.syncFolder(s.folder!));
        if (staged.some((s) => s.created)) await io.syncFolder(root);
      });
    }
    await mapLimited(staged, FOLDERS_AT_ONCE, indexFolder);
    const indexed = staged.filter((s) => s.appendedIndex);
    if (indexed.length > 0) {
      await barrier(() =>
        mapLimited(indexed, FOLDERS_AT_ONCE, async (s) => {
          await io.syncFile(join(s.folder!, INDEX_FILE));
          await io.syncFolder(s.folder!);
        }).then(() => undefined),
      );
    }
  } finally {
    const left = staged
      .flatMap((s) => [...s.temps.map((t) => t.temp), s.feedFile?.temp])
      .filter((t): t is string => t !== undefined);
    await Promise.all(left.map((temp) => io.remove(temp).catch(() => undefined)));
  }
  return staged.map((s) =>
    s.results.map((r, i) => (r.kind === 'invalid' ? r : { ...r, path: join(s.folder!, s.records[i].file) })),
  );
}

// Phase 1: the folder, its feed.json when it changed, and a temporary file for every new name.
async function stageFolder(root: string, group: RevisionGroup, s: StagedFolder): Promise<void> {
  const { feed, records } = group;
  s.results = records.map((record) => {
    const problem = revisionProblem(feed, record);
    return problem === undefined
      ? { kind: 'written', path: '' }
      : { kind: 'invalid', reason: `cannot archive ${record.file}: ${problem}` };
  });
  const valid = records.flatMap((_, i) => (s.results[i].kind === 'invalid' ? [] : [i]));
  if (valid.length === 0) return;
  const folder = join(root, feedFolderName(feed.url));
  s.folder = folder;
  const { io } = s;
  s.created = await io.makeFolder(folder);
  const feedText = serializeFeed(feed);
  if (
    s.created ||
    (await io.readBytes(join(folder, FEED_FILE)).then(
      (b) => b.toString('utf8'),
      () => undefined,
    )) !== feedText
  ) {
    s.feedFile = { temp: temporaryPath(folder, FEED_FILE), path: join(folder, FEED_FILE) };
    await io.writeNew(s.feedFile.temp!, feedText).catch((error: unknown) => {
      s.feedFile!.temp = undefined;
      throw error;
    });
  }
  const names = await io.readNames(folder);
  const existing = new Set(names);
  await removeDeadTemporaries(io, folder, names);
  const firstOf = new Map<string, number>();
  for (const i of valid) {
    s.bytes.set(i, Buffer.from(formatArticleFile(articleFileOf(records[i])), 'utf8'));
    const name = records[i].file;
    const first = firstOf.get(name);
    if (first !== undefined) {
      // The same file twice in one batch: the second compares with the first, as one-by-one writes would.
      s.results[i] = s.bytes.get(first)!.equals(s.bytes.get(i)!) ? { kind: 'unchanged', path: '' } : conflict();
      continue;
    }
    firstOf.set(name, i);
    if (existing.has(name)) s.toCompare.push(i);
    else s.temps.push({ i, temp: temporaryPath(folder, name) });
  }
  await mapLimited(s.temps, FILES_AT_ONCE, async (t) => {
    await io.writeNew(t.temp!, s.bytes.get(t.i)!).catch((error: unknown) => {
      t.temp = undefined;
      throw error;
    });
  });
}

// Phase 2: every durable temporary under its name (a name taken meanwhile is compared instead), feed.json in place.
async function linkFolder(s: StagedFolder): Promise<void> {
  if (s.folder === undefined) return;
  await mapLimited(s.temps, FILES_AT_ONCE, async (t) => {
    const outcome = await s.io.linkNew(t.temp!, join(s.folder!, s.records[t.i].file));
    t.temp = undefined;
    if (outcome === 'exists') s.toCompare.push(t.i);
  });
  if (s.feedFile?.temp !== undefined) {
    await s.io.rename(s.feedFile.temp, s.feedFile.path);
    s.feedFile.temp = undefined;
  }
  for (const i of s.toCompare) {
    const same = (await s.io.readBytes(join(s.folder, s.records[i].file))).equals(s.bytes.get(i)!);
    s.results[i] = same ? { kind: 'unchanged', path: '' } : conflict();
  }
}

// Phase 3: the index lines of what is now on disk under its name.
async function indexFolder(s: StagedFolder): Promise<void> {
  if (s.folder === undefined) return;
  const lines = await linesToAppend(s.io, s.folder, s.records, s.results);
  if (lines.length === 0) return;
  await s.io.appendIndex(s.folder, lines);
  s.appendedIndex = true;
}

// Written files get their line; an unchanged file gets it only when the index lacks it (a crash between file and line).
async function linesToAppend(
  io: RevisionIo,
  folder: string,
  records: readonly ArchiveRecord[],
  results: readonly WriteRevisionsResult[],
): Promise<string[]> {
  const lines: string[] = [];
  // Lines of written files all differ (each names its own file): only an unchanged file's line can repeat one, so the
  // set of lines (a hash of every whole record) is made at the first unchanged file, not for a batch of new ones.
  let appended: Set<string> | undefined;
  let index: Set<string> | undefined;
  for (let i = 0; i < records.length; i++) {
    const kind = results[i].kind;
    if (kind !== 'written' && kind !== 'unchanged') continue;
    const serialized = serializeRecord(records[i]);
    const line = serialized.endsWith('\n') ? serialized.slice(0, -1) : serialized;
    if (kind === 'unchanged') {
      appended ??= new Set(lines);
      if (appended.has(line)) continue;
      index ??= await readIndexLines(io, folder);
      if (index.has(line)) continue;
    }
    appended?.add(line);
    lines.push(line);
  }
  return lines;
}

// Temporary files of a writer killed mid-batch (its pid is gone) are garbage the reader skips; a live writer's are left alone.
const TEMP_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]+$/;

async function removeDeadTemporaries(io: RevisionIo, folder: string, names: readonly string[]): Promise<void> {
  const dead = names.filter((name) => {
    const pid = Number(TEMP_NAME.exec(name)?.[1] ?? process.pid);
    return pid !== process.pid && !isRunning(pid);
  });
  await Promise.all(dead.map((name) => io.remove(join(folder, name)).catch(() => undefined)));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readIndexLines(io: RevisionIo, folder: string): Promise<Set<string>> {
  try {
    return new Set((await io.readBytes(join(folder, INDEX_FILE))).toString('utf8').split('\n'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

function conflict(): WriteRevisionResult {
  return { kind: 'conflict', path: '', reason: 'a different file with this revision name already exists' };
}
