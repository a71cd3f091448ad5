/**
 * Writing whole feeds into an archive folder at once (export, or re-creating the folder
 * from the database). Deterministic: records are de-duplicated by file (last wins),
 * sorted by revision then key, and serialized canonically, so export → import → export
 * gives byte-identical folders. `index.jsonl` and `feed.json` are replaced atomically;
 * article files are never replaced (a differing existing file is reported as a conflict).
 */
import { join } from 'node:path';
import { AppError } from '../domain/errors.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';
import { formatArticleFile } from './article-file.ts';
import { INDEX_FILE, feedFolderName } from './archive-layout.ts';
import {
  articleFileOf,
  checkRecord,
  compareRecords,
  serializeRecord,
  type ArchiveFeed,
  type ArchiveProblem,
  type ArchiveRecord,
} from './serialize-sidecars.ts';
import { writeArchiveFeed, writeArticleFileOnce } from './write-archive.ts';

/** One feed to export with all its article revisions. */
export interface ExportFeedInput {
  feed: ArchiveFeed;
  records: Iterable<ArchiveRecord>;
}

/** What exporting one feed did; `folder` is relative to the root. */
export interface ExportFeedResult {
  folder: string;
  written: number;
  unchanged: number;
  conflicts: ArchiveProblem[];
}

/** Returns the records in canonical order with only the last record per file kept. */
export function canonicalRecords(records: Iterable<ArchiveRecord>): ArchiveRecord[] {
  const byFile = new Map<string, ArchiveRecord>();
  for (const record of records) byFile.set(record.file, record);
  return [...byFile.values()].sort(compareRecords);
}

/** Writes one feed's folder (feed.json, article files, index.jsonl); throws AppError `archive.invalid` for a record that breaks the format's rules. */
export async function exportFeedFolder(root: string, input: ExportFeedInput): Promise<ExportFeedResult> {
  const records = canonicalRecords(input.records);
  for (const record of records) {
    const problem = checkRecord(record);
    if (problem !== undefined) throw new AppError('archive.invalid', `cannot export ${record.file}: ${problem}`);
  }
  const folder = feedFolderName(input.feed.url);
  const path = await writeArchiveFeed(root, input.feed);
  const result: ExportFeedResult = { folder, written: 0, unchanged: 0, conflicts: [] };
  for (const record of records) {
    const outcome = await writeArticleFileOnce(join(path, record.file), formatArticleFile(articleFileOf(record)));
    if (outcome === 'written') result.written++;
    else if (outcome === 'unchanged') result.unchanged++;
    else
      result.conflicts.push({
        file: `${folder}/${record.file}`,
        reason: 'a different file with this name already exists; kept it',
      });
  }
  await writeFileAtomic(join(path, INDEX_FILE), records.map(serializeRecord).join(''));
  return result;
}

/** Exports every feed, each into its own folder; throws AppError `archive.invalid` when two feeds would share a folder. */
export async function exportArchive(
  root: string,
  feeds: Iterable<ExportFeedInput> | AsyncIterable<ExportFeedInput>,
): Promise<ExportFeedResult[]> {
  const results: ExportFeedResult[] = [];
  const seen = new Map<string, string>();
  for await (const input of feeds) {
    const folder = feedFolderName(input.feed.url);
    const other = seen.get(folder);
    if (other !== undefined)
      throw new AppError('archive.invalid', `feeds ${other} and ${input.feed.url} share folder ${folder}`);
    seen.set(folder, input.feed.url);
    results.push(await exportFeedFolder(root, input));
  }
  return results;
}
