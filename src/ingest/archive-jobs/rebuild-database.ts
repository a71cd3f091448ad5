/**
 * `tidings rebuild`: a NEW database built from the live archive folder alone, every
 * revision included. Pending revisions are written to the archive first (nothing only in
 * the database is lost), the new database is built beside the old one at a temporary path,
 * and then swapped in with one rename (atomic on POSIX), the old file kept as
 * `tidings.db.bak` (a hard link made before the rename, so there is no moment without a
 * database). What the archive does not hold (accounts, subscriptions, read and starred
 * marks, feed settings and validators, the fetch log, tombstones) is copied from the old
 * database into the new one before the swap (store.copyStateFrom); when the old one cannot
 * be read (the reason to rebuild, sometimes), the rebuild goes on without it and says so.
 * The swap refuses to run while another process
 * has the database open (its WAL file outlives our close), since that process would go on
 * writing into the old file.
 */
import { copyFile, link, rename, rm, stat } from 'node:fs/promises';
import { readArchive, type ArchiveProblem } from '../../archive/index.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import type { StateCopyResult, Store } from '../../store/index.ts';
import { flushPendingArchive } from './write-pending-archive.ts';
import type { IngestContext } from '../ingest-context.ts';

/** What a rebuild did; `kept` is what was copied from the old database, or why nothing could be. */
export type RebuildResult =
  | {
      kind: 'rebuilt';
      feeds: number;
      revisions: number;
      skipped: number;
      problems: ArchiveProblem[];
      backupPath?: string;
      kept: StateCopyResult | { error: string };
    }
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
      const imported = await importAll(temp, ctx.archiveRoot, ctx.now());
      built = { ...imported, kept: await keepState(temp, ctx.dbPath) };
    } finally {
      await temp.close();
    }
  } catch (error) {
    await removeDatabase(tempPath);
    return {
      kind: 'failed',
      error: isAppError(error) ? error : new AppError('internal', String(error), { cause: error }),
    };
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

// Nothing to keep without an old database; an unreadable one is reported, not fatal.
async function keepState(store: Store, oldPath: string): Promise<StateCopyResult | { error: string }> {
  if (!(await exists(oldPath))) return { users: 0, feedsAdded: 0, subscriptions: 0, marks: 0, tombstones: 0 };
  try {
    return await store.copyStateFrom({ backend: 'sqlite', path: oldPath });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
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
    problems.push(
      ...result.invalid.map((p) => ({
        file: folder.folder === '' ? p.file : `${folder.folder}/${p.file}`,
        reason: p.reason,
      })),
    );
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
  return stat(path).then(
    () => true,
    () => false,
  );
}

function failed(message: string): RebuildResult {
  return { kind: 'failed', error: new AppError('store.failed', message) };
}
