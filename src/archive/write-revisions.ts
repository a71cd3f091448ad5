/**
 * Live writes of many revisions of one feed at once, with the same files, the same order of
 * safety and the same outcomes as writing them one by one (write-archive.ts), but with the
 * fsyncs shared: each article file is still written to a temporary name, fsync'd and linked
 * (never replacing a file), but the temporaries are fsync'd concurrently, the folder is
 * fsync'd once for all the new names, and the index lines of the batch are appended with
 * one write and one fsync, after every file they describe is durable. A refresh round writes
 * tens of thousands of revisions; one at a time that was three fsyncs each, most of a cold
 * round's wall time (issue 3). One readdir tells which names exist, instead of a failed open
 * per new file, and finds the temporaries a killed writer left (removed once its pid is gone).
 */
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeNewFiles } from '../util/write-file-atomic.ts';
import { formatArticleFile } from './article-file.ts';
import { INDEX_FILE } from './archive-layout.ts';
import { articleFileOf, serializeRecord, type ArchiveFeed, type ArchiveRecord } from './archive-record.ts';
import { appendIndexLines, revisionProblem, writeArchiveFeed, type WriteRevisionResult } from './write-archive.ts';

/** The outcome for one record of a batch: as writeArticleRevision's, or `invalid` for a record the format refuses (nothing written). */
export type WriteRevisionsResult = WriteRevisionResult | { kind: 'invalid'; reason: string };

/** Writes the revisions of one feed (files, then index lines); returns one outcome per record, in order. Rejects only on fs errors. */
export async function writeArticleRevisions(root: string, feed: ArchiveFeed, records: readonly ArchiveRecord[]): Promise<WriteRevisionsResult[]> {
  const results: WriteRevisionsResult[] = records.map((record) => {
    const problem = revisionProblem(feed, record);
    return problem === undefined ? { kind: 'written', path: '' } : { kind: 'invalid', reason: `cannot archive ${record.file}: ${problem}` };
  });
  const valid = records.flatMap((record, i) => (results[i].kind === 'invalid' ? [] : [i]));
  if (valid.length === 0) return results;
  const folder = await writeArchiveFeed(root, feed);
  const names = await readdir(folder);
  const existing = new Set(names);
  await removeDeadTemporaries(folder, names);
  const bytes = new Map<number, Buffer>(valid.map((i) => [i, Buffer.from(formatArticleFile(articleFileOf(records[i])), 'utf8')]));
  const toWrite: number[] = [];
  const toCompare: number[] = [];
  const firstOf = new Map<string, number>();
  for (const i of valid) {
    const name = records[i].file;
    const first = firstOf.get(name);
    if (first !== undefined) {
      // The same file twice in one batch: the second compares with the first, as one-by-one writes would.
      results[i] = bytes.get(first)!.equals(bytes.get(i)!) ? { kind: 'unchanged', path: '' } : conflict('');
      continue;
    }
    firstOf.set(name, i);
    (existing.has(name) ? toCompare : toWrite).push(i);
  }
  const outcomes = await writeNewFiles(folder, toWrite.map((i) => ({ name: records[i].file, data: bytes.get(i)! })));
  toWrite.forEach((i, k) => (outcomes[k] === 'exists' ? toCompare : []).push(i));
  for (const i of toCompare) {
    const same = (await readFile(join(folder, records[i].file))).equals(bytes.get(i)!);
    results[i] = same ? { kind: 'unchanged', path: '' } : conflict('');
  }
  const lines = await linesToAppend(folder, records, results);
  if (lines.length > 0) await appendIndexLines(folder, lines);
  return results.map((r, i) => (r.kind === 'invalid' ? r : { ...r, path: join(folder, records[i].file) }));
}

// Written files get their line; an unchanged file gets it only when the index lacks it (a crash between file and line).
async function linesToAppend(folder: string, records: readonly ArchiveRecord[], results: readonly WriteRevisionsResult[]): Promise<string[]> {
  const lines: string[] = [];
  const appended = new Set<string>();
  let index: Set<string> | undefined;
  for (let i = 0; i < records.length; i++) {
    const kind = results[i].kind;
    if (kind !== 'written' && kind !== 'unchanged') continue;
    const line = serializeRecord(records[i]).replace(/\n$/, '');
    if (appended.has(line)) continue;
    if (kind === 'unchanged') {
      index ??= await readIndexLines(folder);
      if (index.has(line)) continue;
    }
    appended.add(line);
    lines.push(line);
  }
  return lines;
}

// Temporary files of a writer killed mid-batch (its pid is gone) are garbage the reader skips; a live writer's are left alone.
const TEMP_NAME = /^\..+\.tmp-(\d+)-[0-9a-f]+$/;

async function removeDeadTemporaries(folder: string, names: readonly string[]): Promise<void> {
  const dead = names.filter((name) => {
    const pid = Number(TEMP_NAME.exec(name)?.[1] ?? process.pid);
    return pid !== process.pid && !isRunning(pid);
  });
  await Promise.all(dead.map((name) => unlink(join(folder, name)).catch(() => undefined)));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readIndexLines(folder: string): Promise<Set<string>> {
  try {
    return new Set((await readFile(join(folder, INDEX_FILE), 'utf8')).split('\n'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

function conflict(path: string): WriteRevisionResult {
  return { kind: 'conflict', path, reason: 'a different file with this revision name already exists' };
}
