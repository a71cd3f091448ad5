/**
 * The live archive writer: revisions the store holds without a file (store.
 * pendingArchiveRevisions) are written a thousand at a time with writeRevisionGroups (three
 * durability barriers per batch, whatever its number of feed folders) and then marked
 * (store.markArchived, one call per batch). The database commit comes first and the file second, so a crash in between
 * loses nothing: the revision is still pending and the next flush (after the next refresh, or
 * at `serve` start) writes it. Flushes of one context run one at a time, so parallel
 * refreshes never write the same revision twice at once.
 */
import { rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
// Single files, not the archive barrel: a round with nothing to write should not load the reader, exporter and rewriter (start-up time).
import { feedFolderName } from '../../archive/archive-layout.ts';
import type { ArchiveProblem } from '../../archive/serialize-sidecars.ts';
import type { RevisionIo } from '../../archive/revision-io.ts';
import { writeRevisionGroups } from '../../archive/write-revisions.ts';
import type { Feed, PendingRevision } from '../../store/index.ts';
import type { IngestContext, IngestSettings } from '../ingest-context.ts';

/** What one flush did; `error` is set when writing stopped early (the rest stays pending for the next flush). */
export interface FlushResult {
  written: number;
  unchanged: number;
  /** Revisions that could not be written (an existing different file, a record the format refuses): marked, never retried. */
  problems: ArchiveProblem[];
  error?: string;
}

/** Revisions read per batch; each batch is written with shared durability barriers, then marked with one call. */
const BATCH = 1000;

const running = new WeakMap<object, Promise<unknown>>();

/** What writing the pending revisions needs: a store, the archive folder, a clock, the body setting, and the file system calls to make (default the promise-based ones). */
export type ArchiveContext = Pick<IngestContext, 'store' | 'archiveRoot' | 'now'> & {
  readonly settings: Pick<IngestSettings, 'archiveBody'>;
  readonly revisionIo?: RevisionIo;
};

/**
 * Writes every pending revision's file and marks it archived, after any flush of this context
 * still running (`write` does the work: on this thread by default, or a round's archive
 * thread); never throws (a failure is `error`, retried next time).
 */
export function flushPendingArchive(
  ctx: IngestContext,
  write: (ctx: ArchiveContext) => Promise<FlushResult> = writePendingArchive,
): Promise<FlushResult> {
  const previous = running.get(ctx) ?? Promise.resolve();
  const next = previous.then(() => write(ctx));
  running.set(
    ctx,
    next.catch(() => undefined),
  );
  return next;
}

/** Writes every pending revision's file and marks it archived, now, on this thread; never throws. Callers serialize it (flushPendingArchive). */
export async function writePendingArchive(ctx: ArchiveContext): Promise<FlushResult> {
  const result: FlushResult = { written: 0, unchanged: 0, problems: [] };
  const raw = ctx.settings.archiveBody === 'raw';
  try {
    for (;;) {
      const pending = await ctx.store.pendingArchiveRevisions(BATCH);
      if (pending.length === 0) return result;
      const groups = groupByFeed(pending);
      const records = groups.map((group) =>
        group.map(({ record }) => (raw ? { ...record, fileBody: 'raw' as const } : record)),
      );
      // Marked only once the whole batch is durable; after a failure all of it is written again (same files are `unchanged`).
      const outcomes = await writeRevisionGroups(
        ctx.archiveRoot,
        groups.map((group, k) => ({ feed: group[0].feed, records: records[k] })),
        { io: ctx.revisionIo },
      );
      for (const [k, list] of outcomes.entries()) {
        for (const [i, outcome] of list.entries()) {
          if (outcome.kind === 'written') result.written++;
          else if (outcome.kind === 'unchanged') result.unchanged++;
          else
            result.problems.push({
              file: `${feedFolderName(groups[k][i].feed.url)}/${records[k][i].file}`,
              reason: outcome.reason,
            });
        }
      }
      await ctx.store.markArchived(
        pending.map((p) => p.revisionId).sort((a, b) => a - b),
        ctx.now(),
      );
      if (pending.length < BATCH) return result;
    }
  } catch (error) {
    return { ...result, error: error instanceof Error ? error.message : String(error) };
  }
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
    const { exportFeedFolder } = await import('../../archive/export-archive.ts');
    for await (const exported of ctx.store.exportRecords({ feedId: feed.id, fileBody })) {
      await exportFeedFolder(ctx.archiveRoot, { feed: exported.feed, records: exported.records });
    }
  } catch {
    // The archive still imports without the move; the next write recreates feed.json.
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
