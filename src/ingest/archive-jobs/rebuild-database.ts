/**
 * `tidings rebuild`: a NEW database built from the live archive folder alone, every
 * revision included. Pending revisions are written to the archive first (nothing only in
 * the database is lost), the new database is built beside the old one as a scratch store,
 * and the back end swaps it in, keeping the old one as a backup (store/scratch-store.ts).
 * What the archive does not hold (accounts, subscriptions, read and starred marks, feed
 * settings and validators, the fetch log, tombstones) is copied from the old database into
 * the new one before the swap (store.copyStateFrom); when the old one cannot be read (the
 * reason to rebuild, sometimes), the rebuild goes on without it and says so.
 */
import { stat } from 'node:fs/promises';
import { readArchive, type ArchiveProblem } from '../../archive/index.ts';
import { AppError, isAppError } from '../../domain/errors.ts';
import {
  openScratchStore,
  openStore,
  storeExists,
  type StateCopyResult,
  type Store,
  type StoreOptions,
} from '../../store/index.ts';
import type { IngestContext } from '../ingest-context.ts';
import { flushPendingArchive } from './write-pending-archive.ts';

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

/** Rebuilds the database from the archive and swaps it in (ctx.store is reopened on the new one); never throws. */
export async function rebuildDatabase(ctx: IngestContext): Promise<RebuildResult> {
  const live = ctx.storeOptions;
  if (live === undefined)
    return failed('this store cannot be rebuilt: it has no location another connection could open');
  const flushed = await flushPendingArchive(ctx);
  if (flushed.error !== undefined) return failed(`the archive could not be brought up to date first: ${flushed.error}`);
  let built: Omit<Extract<RebuildResult, { kind: 'rebuilt' }>, 'kind' | 'backupPath'>;
  const scratch = await openScratchStore(live).catch((error: unknown) => asAppError(error));
  if (scratch instanceof AppError) return { kind: 'failed', error: scratch };
  try {
    const imported = await importAll(scratch.store, ctx.archiveRoot, ctx.now());
    built = { ...imported, kept: await keepState(scratch.store, live) };
  } catch (error) {
    await scratch.discard();
    return { kind: 'failed', error: asAppError(error) };
  }
  await ctx.store.close();
  try {
    const { backup } = await scratch.replaceLive();
    return { kind: 'rebuilt', ...built, ...(backup === undefined ? {} : { backupPath: backup }) };
  } catch (error) {
    return { kind: 'failed', error: asAppError(error) };
  } finally {
    ctx.store = await openStore(live);
  }
}

// Nothing to keep without an old database; an unreadable one is reported, not fatal.
async function keepState(store: Store, previous: StoreOptions): Promise<StateCopyResult | { error: string }> {
  if (!(await storeExists(previous))) return { users: 0, feedsAdded: 0, subscriptions: 0, marks: 0, tombstones: 0 };
  try {
    return await store.copyStateFrom(previous);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function importAll(store: Store, root: string, now: number) {
  const problems: ArchiveProblem[] = [];
  let feeds = 0;
  let revisions = 0;
  let skipped = 0;
  for await (const folder of readArchiveIfAny(root)) {
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

// A data folder whose archive was never written rebuilds to an empty database.
async function* readArchiveIfAny(root: string): ReturnType<typeof readArchive> {
  if (
    await stat(root).then(
      () => true,
      () => false,
    )
  )
    yield* readArchive(root);
}

function asAppError(error: unknown): AppError {
  return isAppError(error) ? error : new AppError('internal', String(error), { cause: error });
}

function failed(message: string): RebuildResult {
  return { kind: 'failed', error: new AppError('store.failed', message) };
}
