/**
 * The live archive writer: revisions the store holds without a file (store.
 * pendingArchiveRevisions) are written feed by feed with writeArticleRevisions (one batch of
 * fsyncs per feed folder, a few folders at once) and then marked (store.markArchived, one call
 * per batch). The database commit comes first and the file second, so a crash in between
 * loses nothing: the revision is still pending and the next flush (after the next refresh, or
 * at `serve` start) writes it. Flushes of one context run one at a time, so parallel
 * refreshes never write the same revision twice at once.
 */
import { rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
// Single files, not the archive barrel: a round with nothing to write should not load the reader, exporter and rewriter (start-up time).
import { feedFolderName } from '../archive/archive-layout.ts';
import type { ArchiveProblem } from '../archive/archive-record.ts';
import { writeArticleRevisions } from '../archive/write-revisions.ts';
import type { Feed, PendingRevision } from '../store/index.ts';
import type { IngestContext } from './ingest-context.ts';

/** What one flush did; `error` is set when writing stopped early (the rest stays pending for the next flush). */
export interface FlushResult {
  written: number;
  unchanged: number;
  /** Revisions that could not be written (an existing different file, a record the format refuses): marked, never retried. */
  problems: ArchiveProblem[];
  error?: string;
}

/** Revisions read per batch; each batch is written feed by feed, then marked with one call. */
const BATCH = 1000;
/** Feed folders written at once within a batch. */
const FOLDERS_AT_ONCE = 4;

const running = new WeakMap<object, Promise<unknown>>();

/** Writes every pending revision's file and marks it archived; never throws (a failure is `error`, retried next time). */
export function flushPendingArchive(ctx: IngestContext): Promise<FlushResult> {
  const previous = running.get(ctx) ?? Promise.resolve();
  const next = previous.then(() => flushNow(ctx));
  running.set(ctx, next.catch(() => undefined));
  return next;
}

async function flushNow(ctx: IngestContext): Promise<FlushResult> {
  const result: FlushResult = { written: 0, unchanged: 0, problems: [] };
  try {
    for (;;) {
      const pending = await ctx.store.pendingArchiveRevisions(BATCH);
      const done: number[] = [];
      try {
        const groups = groupByFeed(pending);
        let next = 0;
        let failure: { error: unknown } | undefined;
        // Each worker stops at the first error, but all finish before the batch is marked and the error is passed on.
        const writeGroups = async () => {
          while (next < groups.length && failure === undefined) {
            await writeGroup(ctx, groups[next++], result, done).catch((error: unknown) => { failure ??= { error }; });
          }
        };
        await Promise.all(Array.from({ length: Math.min(FOLDERS_AT_ONCE, groups.length) }, writeGroups));
        if (failure !== undefined) throw failure.error;
      } finally {
        if (done.length > 0) await ctx.store.markArchived(done.sort((a, b) => a - b), ctx.now());
      }
      if (pending.length < BATCH) return result;
    }
  } catch (error) {
    return { ...result, error: error instanceof Error ? error.message : String(error) };
  }
}

// One feed's revisions, written together; `done` gets their ids only once their files and index lines are durable.
async function writeGroup(ctx: IngestContext, group: PendingRevision[], result: FlushResult, done: number[]): Promise<void> {
  const raw = ctx.settings.archiveBody === 'raw';
  const records = group.map(({ record }) => (raw ? { ...record, fileBody: 'raw' as const } : record));
  const outcomes = await writeArticleRevisions(ctx.archiveRoot, group[0].feed, records);
  outcomes.forEach((outcome, i) => {
    if (outcome.kind === 'written') result.written++;
    else if (outcome.kind === 'unchanged') result.unchanged++;
    else result.problems.push({ file: `${feedFolderName(group[i].feed.url)}/${records[i].file}`, reason: outcome.reason });
    done.push(group[i].revisionId);
  });
}

function groupByFeed(pending: readonly PendingRevision[]): PendingRevision[][] {
  const groups = new Map<string, PendingRevision[]>();
  for (const revision of pending) {
    const group = groups.get(revision.feed.url);
    if (group === undefined) groups.set(revision.feed.url, [revision]);
    else group.push(revision);
  }
  return [...groups.values()];
}

/**
 * Moves a feed's archive folder after its URL changed (a permanent redirect): folder names
 * derive from the URL, so the old folder is renamed and its sidecars rewritten with the
 * new URL, keeping one folder per feed for `tidings rebuild`. When the new folder already
 * exists the old one is left alone (both still import). Never throws.
 */
export async function moveArchiveFolder(ctx: IngestContext, oldUrl: string, feed: Feed): Promise<void> {
  const from = join(ctx.archiveRoot, feedFolderName(oldUrl));
  const to = join(ctx.archiveRoot, feedFolderName(feed.url));
  try {
    if (from === to || !(await exists(from)) || (await exists(to))) return;
    await rename(from, to);
    const fileBody = ctx.settings.archiveBody;
    const { exportFeedFolder } = await import('../archive/export-archive.ts');
    for await (const exported of ctx.store.exportRecords({ feedId: feed.id, fileBody })) {
      await exportFeedFolder(ctx.archiveRoot, { feed: exported.feed, records: exported.records });
    }
  } catch {
    // The archive still imports without the move; the next write recreates feed.json.
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
