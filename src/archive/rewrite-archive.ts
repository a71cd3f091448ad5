/**
 * The one sanctioned overwrite of an article file: `tidings reclean` giving a
 * revision a newly cleaned body. Normal writes (write-archive.ts) never replace a revision
 * file, because a revision is history; a re-cleaning is not a new version of the article
 * but a better rendering of the same one, and the raw body it was made from is unchanged in
 * the record. The new file replaces the old one atomically (temporary name, fsync, rename),
 * then a superseding record is appended to `index.jsonl` (the last line per file wins when
 * reading). A crash between the two leaves the new file with the old record, which still
 * imports (records win) and is healed by re-cleaning again: the file is then unchanged and
 * only the missing line is appended.
 */
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { AppError } from '../domain/errors.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';
import { formatArticleFile } from './article-file.ts';
import { INDEX_FILE } from './archive-layout.ts';
import { articleFileOf, serializeRecord } from './serialize-sidecars.ts';
import { appendIndexLine, revisionProblem, writeArchiveFeed, type WriteArticleRevisionInput } from './write-archive.ts';

/** What rewriting one revision did: `rewritten` replaced a different file, `written` created a missing one. */
export type RewriteRevisionResult = { kind: 'rewritten' | 'written' | 'unchanged'; path: string };

/** Replaces the article file of `input.record` with its current body and appends the superseding index line; throws AppError `archive.invalid` for a record that breaks the format's rules. */
export async function rewriteArticleRevision(
  root: string,
  input: WriteArticleRevisionInput,
): Promise<RewriteRevisionResult> {
  const { feed, record } = input;
  const problem = revisionProblem(feed, record);
  if (problem !== undefined) throw new AppError('archive.invalid', `cannot rewrite ${record.file}: ${problem}`);
  const folder = await writeArchiveFeed(root, feed);
  const path = join(folder, record.file);
  const bytes = Buffer.from(formatArticleFile(articleFileOf(record)), 'utf8');
  const existing = await readIfExists(path);
  const line = serializeRecord(record);
  if (existing?.equals(bytes)) {
    if (!(await lastLineFor(folder, record.file, line))) await appendIndexLine(folder, line);
    return { kind: 'unchanged', path };
  }
  await writeFileAtomic(path, bytes);
  await appendIndexLine(folder, line);
  return { kind: existing === undefined ? 'written' : 'rewritten', path };
}

/** True when the index's last record for `file` is exactly `line`. */
async function lastLineFor(folder: string, file: string, line: string): Promise<boolean> {
  const index = await readIfExists(join(folder, INDEX_FILE));
  if (index === undefined) return false;
  const marker = `{"file":${JSON.stringify(file)},`;
  const last = index
    .toString('utf8')
    .split('\n')
    .filter((l) => l.startsWith(marker))
    .at(-1);
  return last === line.replace(/\n$/, '');
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
