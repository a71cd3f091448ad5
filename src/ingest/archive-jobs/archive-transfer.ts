/**
 * Moving the archive in and out: export writes the database's feeds as a plain-file
 * archive folder (canonical, so export → import → export is byte-identical); import reads
 * a folder (readArchive) into the store, one transaction per feed, with every unreadable
 * file reported by name and never stopping the rest. An import obeys the fetch limit
 * (`maxBodyBytes`): a larger article file is refused by name, like a larger feed. Imported revisions are then written
 * into the live archive like fetched ones (unless the folder IS the live archive).
 */
import { resolve } from 'node:path';
import {
  exportArchive as writeArchiveFolders,
  readArchive,
  type ArchiveProblem,
  type ExportFeedInput,
  type ExportFeedResult,
} from '../../archive/index.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import { flushPendingArchive } from './write-pending-archive.ts';
import type { IngestContext } from '../ingest-context.ts';

/** Which feeds and which body an export writes (default: all feeds, cleaned bodies). */
export interface ExportArchiveOptions {
  raw?: boolean;
  feedIds?: number[];
}

/** What an export wrote, per feed folder; `files` counts article files written or already there. */
export interface ExportArchiveResult {
  feeds: ExportFeedResult[];
  files: number;
}

/** One folder of an import. */
export interface ImportedFolder {
  folder: string;
  feedUrl: string;
  feedId?: number;
  imported: number;
  skipped: number;
}

/** What an import did; `problems` lists every file that could not be read or stored. */
export type ImportArchiveResult =
  | { kind: 'imported'; folders: ImportedFolder[]; imported: number; skipped: number; problems: ArchiveProblem[] }
  | { kind: 'failed'; error: AppError };

/** Writes the chosen feeds into `dir` as an archive folder; throws AppError `archive.invalid` or a file-system error. */
export async function exportArchive(
  ctx: IngestContext,
  dir: string,
  options: ExportArchiveOptions = {},
): Promise<ExportArchiveResult> {
  const fileBody = options.raw === true ? 'raw' : 'cleaned';
  const store = ctx.store;
  async function* feeds(): AsyncGenerator<ExportFeedInput> {
    const ids = options.feedIds === undefined ? [undefined] : [...new Set(options.feedIds)];
    for (const feedId of ids) {
      for await (const exported of store.exportRecords({ feedId, fileBody }))
        yield { feed: exported.feed, records: exported.records };
    }
  }
  const results = await writeArchiveFolders(dir, feeds());
  return { feeds: results, files: results.reduce((sum, r) => sum + r.written + r.unchanged, 0) };
}

/** Returns the longest index line an import reads: a record holds the body as received and the cleaned one, each up to `maxBodyBytes`. */
export function recordLimit(maxBodyBytes: number): number {
  return 2 * maxBodyBytes + 64 * 1024;
}

/** Imports an archive folder into the store and writes the new revisions into the live archive; never throws. */
export async function importArchive(ctx: IngestContext, dir: string): Promise<ImportArchiveResult> {
  const intoLiveArchive = resolve(dir) === resolve(ctx.archiveRoot);
  const folders: ImportedFolder[] = [];
  const problems: ArchiveProblem[] = [];
  try {
    const limit = ctx.settings.maxBodyBytes;
    for await (const folder of readArchive(dir, { maxFileBytes: limit, maxRecordBytes: recordLimit(limit) })) {
      problems.push(...folder.problems);
      if (folder.kind === 'unreadable') continue;
      const at = folder.folder === '' ? '.' : folder.folder;
      try {
        const now = ctx.now();
        const result = await ctx.store.importRecords(folder.feed, folder.records, {
          now,
          ...(intoLiveArchive ? { archivedAt: now } : {}),
        });
        problems.push(
          ...result.invalid.map((p) => ({
            file: folder.folder === '' ? p.file : `${folder.folder}/${p.file}`,
            reason: p.reason,
          })),
        );
        folders.push({
          folder: at,
          feedUrl: folder.feed.url,
          feedId: result.feedId,
          imported: result.imported,
          skipped: result.skipped,
        });
      } catch (error) {
        problems.push({ file: at, reason: `not imported: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  } catch (error) {
    return {
      kind: 'failed',
      error: isAppError(error) ? error : new AppError('archive.unreadable', String(error), { cause: error }),
    };
  }
  if (!intoLiveArchive) {
    const flushed = await flushPendingArchive(ctx);
    problems.push(...flushed.problems);
    if (flushed.error !== undefined)
      problems.push({ file: ctx.archiveRoot, reason: `writing the live archive stopped: ${flushed.error}` });
  }
  const imported = folders.reduce((sum, f) => sum + f.imported, 0);
  const skipped = folders.reduce((sum, f) => sum + f.skipped, 0);
  return { kind: 'imported', folders, imported, skipped, problems };
}
