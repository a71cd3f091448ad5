/**
 * The store's side of the plain-file archive: revisions waiting for their file, and
 * whole-feed export and import as archive records (../domain/archive-record.ts),
 * so the database can be rebuilt from a folder and a folder from the database.
 */
import type { ArchiveFeed, ArchiveProblem, ArchiveRecord } from '../domain/archive-record.ts';

/** A revision whose archive file is not written yet, with everything needed to write it. */
export interface PendingRevision {
  revisionId: number;
  articleId: number;
  feedId: number;
  feed: ArchiveFeed;
  record: ArchiveRecord;
}

/** Which feeds to export and which body the records' files hold (default `cleaned`, raw when there is none). */
export interface ExportRecordsOptions {
  feedId?: number;
  fileBody?: 'cleaned' | 'raw';
}

/** One feed's export: all revisions of its articles that are not deleted, in the archive's canonical order. */
export interface ExportedFeed {
  feedId: number;
  feed: ArchiveFeed;
  records: ArchiveRecord[];
}

/** `archivedAt` marks imported revisions as already in the archive (when importing from the archive folder itself). */
export interface ImportRecordsOptions {
  now?: number;
  archivedAt?: number;
}

/** What an import did: revisions already present (or of deleted articles) are skipped; bad records are reported by file. */
export interface ImportRecordsResult {
  feedId: number;
  imported: number;
  skipped: number;
  invalid: ArchiveProblem[];
}
