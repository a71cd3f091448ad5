/**
 * `tidings rebuild`: a NEW database built from the live archive folder alone, every
 * revision included. Pending revisions are written to the archive first (nothing only in
 * the database is lost), the new database is built beside the old one at a temporary path,
 * and then swapped in with one rename (atomic on POSIX), the old file kept as
 * `tidings.db.bak` (a hard link made before the rename, so there is no moment without a
 * database). What the archive does not hold is not rebuilt: per-feed settings, the fetch
 * log, validators and article tombstones. The swap refuses to run while another process
 * has the database open (its WAL file outlives our close), since that process would go on
 * writing into the old file.
 */
import { copyFile, link, rename, rm, stat } from 'node:fs/promises';
import { readArchive, type ArchiveProblem } from '../archive/index.ts';
import { AppError, isAppError } from '../domain/errors.ts';
import type { Store } from '../store/index.ts';
import { flushPendingArchive } from './archive-writer.ts';
import type { IngestContext } from './ingest-context.ts';

/** What a rebuild did. */
export type RebuildResult =
  | { kind: 'rebuilt'; feeds: number; revisions: number; skipped: number; problems: ArchiveProblem[]; backupPath?: string }
  | { kind: 'failed'; error: AppError };

/** Rebuilds the database from the archive and swaps it in (ctx.store is reopened on the new file); never throws. */
export async function rebuildDatabase(ctx: IngestContext): Promise<RebuildResult> {
  const flushed = await flushPendingArchive(ctx);
  if (flushed.error !== undefined) return failed(`the archive could not be brought up to date first: ${flushed.error}`);
  const tempPath = `${ctx.dbPath}.rebuild`;
  await removeDatabase(tempPath);
  let built: Omit<Extract<RebuildResult, { kind: 'rebuilt' }>, 'kind' | 'backupPath'>;
  try {
    const temp = await ctx.openStoreAt(tempPath);
    try {
      built = await importAll(temp, ctx.archiveRoot, ctx.now());
    } finally {
      await temp.close();
    }
  } catch (error) {
    await removeDatabase(tempPath);
    return { kind: 'failed', error: isAppError(error) ? error : new AppError('internal', String(error), { cause: error }) };
  }
  await ctx.store.close();
  if (await exists(`${ctx.dbPath}-wal`)) {
    ctx.store = await ctx.openStoreAt(ctx.dbPath);
    await removeDatabase(tempPath);
    return failed('the database is open in another Tidings process (stop `tidings serve` first); nothing was changed');
  }
  let backupPath: string | undefined;
  try {
    if (await exists(ctx.dbPath)) {
      backupPath = `${ctx.dbPath}.bak`;
      await removeDatabase(backupPath);
      await link(ctx.dbPath, backupPath).catch(() => copyFile(ctx.dbPath, backupPath!));
    }
    await rename(tempPath, ctx.dbPath);
  } finally {
    ctx.store = await ctx.openStoreAt(ctx.dbPath);
  }
  return { kind: 'rebuilt', ...built, ...(backupPath === undefined ? {} : { backupPath }) };
}

async function importAll(store: Store, root: string, now: number) {
  const problems: ArchiveProblem[] = [];
  let feeds = 0;
  let revisions = 0;
  let skipped = 0;
  if (!(await exists(root))) return { feeds, revisions, skipped, problems };
  for await (const folder of readArchive(root)) {
    problems.push(...folder.problems);
    if (folder.kind === 'unreadable') continue;
    const result = await store.importRecords(folder.feed, folder.records, { now, archivedAt: now });
    problems.push(...result.invalid.map((p) => ({ file: folder.folder === '' ? p.file : `${folder.folder}/${p.file}`, reason: p.reason })));
    feeds++;
    revisions += result.imported;
    skipped += result.skipped;
  }
  return { feeds, revisions, skipped, problems };
}

async function removeDatabase(path: string): Promise<void> {
  await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${path}${suffix}`, { force: true })));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

function failed(message: string): RebuildResult {
  return { kind: 'failed', error: new AppError('store.failed', message) };
}
