/**
 * The plain-file archive (docs/archive-format.md): article files, folder layout,
 * sidecar records, live writes, reading back and export. Pure file I/O: it must not
 * import the store, search, web or cli layers, and it knows no SQL.
 */
export { formatArticleFile, readArticleFile, escapeTitle, encodeLinkUrl } from './article-file.ts';
export type { ArticleFile, ReadArticleFileResult } from './article-file.ts';
export {
  INDEX_FILE,
  FEED_FILE,
  articleKey,
  articleFileName,
  articleFileNameForKey,
  parseArticleFileName,
  feedFolderName,
} from './archive-layout.ts';
export {
  buildArchiveRecord,
  articleFileOf,
  compareRecords,
  serializeRecord,
  serializeFeed,
  checkRecord,
} from './serialize-sidecars.ts';
export type { ArchiveFeed, ArchiveRecord, ArchiveProblem } from './serialize-sidecars.ts';
export { parseArchiveRecord, parseArchiveFeed } from './parse-sidecars.ts';
export type { ParseSidecarResult } from './parse-sidecars.ts';
export {
  writeArticleRevision,
  writeArchiveFeed,
  writeArticleFileOnce,
  appendIndexLine,
  appendIndexLines,
} from './write-archive.ts';
export { writeArticleRevisions, type WriteRevisionsResult } from './write-revisions.ts';
export type { WriteRevisionResult, WriteArticleRevisionInput } from './write-archive.ts';
export { rewriteArticleRevision } from './rewrite-archive.ts';
export type { RewriteRevisionResult } from './rewrite-archive.ts';
export { readArchive, readArchiveFolder } from './read-archive.ts';
export type { ArchiveFolder } from './read-archive.ts';
export { exportArchive, exportFeedFolder, canonicalRecords } from './export-archive.ts';
export type { ExportFeedInput, ExportFeedResult } from './export-archive.ts';
