/**
 * Checks a data dir the way a crash-safety test needs: the SQLite database passes
 * `PRAGMA integrity_check`, and the live archive agrees with it. Every article file must
 * read back (readArticleFile) with exactly the body its database revision holds (so a
 * half-written file cannot pass), every revision the database marks archived must have
 * its file, and temporary files left by a kill (`.NAME.tmp-…`) must be ignored by the
 * archive reader. Reads the database directly with better-sqlite3 (tests may; the CLI has
 * no integrity command).
 */
import Database from 'better-sqlite3';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { articleFileNameForKey, feedFolderName, readArchive, readArticleFile } from '../../src/archive/index.ts';

/** What inspectDataDir found; `problems` is empty for a healthy data dir. */
export interface DataDirReport {
  integrity: string;
  problems: string[];
  /** Temporary files a kill left behind (all ignored by the reader, else they are problems too). */
  tempFiles: string[];
  revisions: number;
  /** Revisions committed to the database whose archive file is not yet marked written. */
  pendingRevisions: number;
}

interface RevisionRow {
  url: string;
  archive_key: string;
  number: number;
  body: string;
  archived_at: number | null;
}

const TEMP_FILE = /^\..+\.tmp-/;
const SIDECARS = new Set(['feed.json', 'index.jsonl']);

/** Inspects `dataDir` (tidings.db and archive/); the database must not be open in another process. */
export async function inspectDataDir(dataDir: string): Promise<DataDirReport> {
  const problems: string[] = [];
  const db = new Database(join(dataDir, 'tidings.db'), { fileMustExist: true });
  let integrity: string;
  let rows: RevisionRow[];
  try {
    integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .join('; ');
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) problems.push(`foreign_key_check: ${orphans.length} rows`);
    rows = db
      .prepare(`
      SELECT f.url, a.archive_key, r.number, coalesce(r.cleaned_body, r.raw_body) AS body, ra.archived_at
      FROM revisions r JOIN articles a ON a.id = r.article_id JOIN feeds f ON f.id = a.feed_id
      LEFT JOIN revision_archive ra ON ra.revision_id = r.id
    `)
      .all() as RevisionRow[];
  } finally {
    db.close();
  }
  const expected = new Map(
    rows.map((r) => [`${feedFolderName(r.url)}/${articleFileNameForKey(r.archive_key, r.number)}`, r]),
  );

  const root = join(dataDir, 'archive');
  const seen = new Set<string>();
  const tempFiles: string[] = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((e) => e.isFile())) {
    const folder = entry.parentPath.slice(root.length + 1);
    const path = `${folder}/${entry.name}`;
    if (TEMP_FILE.test(entry.name)) {
      tempFiles.push(path);
    } else if (entry.name.endsWith('.txt')) {
      seen.add(path);
      problems.push(...(await checkArticleFile(join(root, path), path, expected)));
    } else if (!SIDECARS.has(entry.name)) {
      problems.push(`${path}: unexpected file in the archive`);
    }
  }
  for (const [path, row] of expected) {
    if (row.archived_at !== null && !seen.has(path))
      problems.push(`${path}: marked archived in the database but missing`);
  }
  if (entries.length > 0) problems.push(...(await checkReaderIgnores(root, tempFiles)));
  return {
    integrity,
    problems,
    tempFiles,
    revisions: rows.length,
    pendingRevisions: rows.filter((r) => r.archived_at === null).length,
  };
}

async function checkArticleFile(absolute: string, path: string, expected: Map<string, RevisionRow>): Promise<string[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(absolute));
  } catch {
    return [`${path}: not valid UTF-8`];
  }
  const read = readArticleFile(text);
  if (read.kind === 'invalid') return [`${path}: unreadable: ${read.reason}`];
  const row = expected.get(path);
  // The file is written only after the revision is committed, so a file without its row is a bug too.
  if (row === undefined) return [`${path}: no revision in the database`];
  return read.article.body === row.body
    ? []
    : [`${path}: body differs from the database (${read.article.body.length} vs ${row.body.length} chars)`];
}

/** Returns problems when readArchive takes a temporary file for an article, or reports anything at all. */
async function checkReaderIgnores(root: string, tempFiles: string[]): Promise<string[]> {
  const problems: string[] = [];
  const temps = new Set(tempFiles.map((p) => p.slice(p.indexOf('/') + 1)));
  for await (const folder of readArchive(root)) {
    problems.push(...folder.problems.map((p) => `reader: ${p.file}: ${p.reason}`));
    if (folder.kind !== 'feed') continue;
    for (const name of [...folder.records.map((r) => r.file), ...folder.bareFiles]) {
      if (temps.has(name) || name.startsWith('.'))
        problems.push(`reader took the temporary file ${folder.folder}/${name} for an article`);
    }
  }
  return problems;
}
