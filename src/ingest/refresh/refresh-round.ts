/**
 * A refresh round: many feeds at once, bounded by the global and per-host limits of a host
 * limiter (the shared one, or one made for the round when `concurrency` is given), each
 * feed refreshed by refreshFeed, which records every failure as a value, so a broken feed
 * never stops the others. Fetch records are written in batches (fetch-record-batcher.ts): the
 * outcomes that arrive together share one commit. Feeds still inside a server-given Retry-After window (their last
 * fetch was rate-limited and the next check is still ahead) are skipped unless `force`.
 *
 * Rounds of several feeds parse and clean on a small worker pool (prepare-pool.ts), which
 * starts no thread until a document arrives, so a round of 304s pays nothing for it.
 * A feed's whole refresh normally holds its limiter slot (so parsing and storing stay
 * bounded by the fetch concurrency); its archive files are written behind the fetches,
 * outside the slots, by one flush at a time that takes whatever is pending (so a round of
 * many feeds writes them in a few large batches), on a thread of their own in rounds big
 * enough for the worker pool (archive-flusher.ts), and the round returns once they are all
 * written. A feed with full text on is the exception: its article
 * pages need slots of the same limiter, and a refresh holding a slot while waiting for
 * another would deadlock once every slot is held by such feeds. So for those feeds only the
 * feed fetch and each page fetch take a slot, one at a time.
 *
 * With `archiveGit` on, what the round wrote then becomes one commit of the archive repository
 * (archive-jobs/commit-archive-round.ts), pushes to mirrors starting behind it.
 *
 * A round ends with the retention of the feeds that set one (nothing is deleted by default),
 * once its archive files are written, so what it removes from the database is already in the
 * archive (the store also skips any article whose revision still waits for its file).
 */
import { AppError } from '../../domain/errors.ts';
import { createHostLimiter, type HostLimiter } from '../../fetch/index.ts';
import type { Feed, RetentionResult } from '../../store/index.ts';
import type { IngestContext } from '../ingest-context.ts';
import { availableParallelism } from 'node:os';
import { createArchiveFlusher } from '../archive-jobs/archive-flusher.ts';
import { commitArchiveRound, type ArchiveCommitOutcome } from '../archive-jobs/commit-archive-round.ts';
import { flushPendingArchive } from '../archive-jobs/write-pending-archive.ts';
import { createFetchRecordBatcher } from './fetch-record-batcher.ts';
import { createPreparePool } from './prepare-pool.ts';
import type { RefreshOutcome } from '../refresh-outcome.ts';
import { refreshFeed } from './refresh-feed.ts';

/** Options of one round; all optional. */
export interface RefreshRoundOptions {
  /** Which feeds; default every subscribed feed. Unknown or removed ids are counted in `missing`. */
  feedIds?: number[];
  /** The feeds themselves (the scheduler passes the due list). */
  feeds?: Feed[];
  /** Fetches at once for this round; default the context's limiter (settings.concurrency). */
  concurrency?: number;
  /** Refresh feeds inside a Retry-After window too. */
  force?: boolean;
  /** Called after each feed, with the running totals. */
  onProgress?: (progress: RoundProgress) => void;
  /** Aborting cancels fetches in flight (they are not recorded) and starts no more. */
  signal?: AbortSignal;
  /** Aborting starts no more feeds; those in flight finish. */
  drainSignal?: AbortSignal;
  /** Worker threads that parse and clean (started only when a document arrives); default one fewer than the CPUs, at least 1; 0 = none. */
  threads?: number;
}

/** Running totals of a round. */
export interface RoundProgress {
  total: number;
  done: number;
  ok: number;
  notModified: number;
  rateLimited: number;
  failed: number;
  newArticles: number;
  newRevisions: number;
}

/** What a round did; `results` has one entry per refreshed feed, in feed order. */
export interface RoundSummary extends Omit<RoundProgress, 'done' | 'total'> {
  feeds: number;
  /** Feeds left out: inside a Retry-After window, or not started because the round was stopped. */
  skipped: number;
  /** Requested ids that are not subscribed feeds. */
  missing: number[];
  /** What the retention of feeds that set one removed after the round (all zero for feeds kept forever), or why it could not run (it runs again after the next round). */
  retention: RetentionResult & { error?: string };
  durationMs: number;
  results: RefreshOutcome[];
  /** The archive repository's commit of what the round wrote (with `archiveGit` on). */
  archiveCommit?: ArchiveCommitOutcome;
}

/** Refreshes the chosen feeds in parallel and returns the summary; never throws for a feed's failure. */
export async function refreshRound(ctx: IngestContext, options: RefreshRoundOptions = {}): Promise<RoundSummary> {
  const started = performance.now();
  const { feeds, missing } = await chooseFeeds(ctx, options);
  const now = ctx.now();
  const chosen = feeds.filter((feed) => options.force === true || !insideRetryAfter(feed, now));
  const limiter =
    options.concurrency === undefined
      ? ctx.limiter
      : createHostLimiter({
          globalConcurrency: options.concurrency,
          perHostConcurrency: ctx.settings.perHostConcurrency,
          perHostSpacingMs: ctx.settings.perHostSpacingMs,
        });
  const progress: RoundProgress = {
    total: chosen.length,
    done: 0,
    ok: 0,
    notModified: 0,
    rateLimited: 0,
    failed: 0,
    newArticles: 0,
    newRevisions: 0,
  };
  const stopped = () => options.signal?.aborted === true || options.drainSignal?.aborted === true;
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  const pooled = chosen.length >= POOL_MIN_FEEDS && threads > 0;
  const flusher = pooled ? createArchiveFlusher(ctx) : undefined;
  const archive = createBackgroundFlush(() => (flusher === undefined ? flushPendingArchive(ctx) : flusher.flush()));
  const recordFetch = createFetchRecordBatcher(ctx.store).record;
  const preparer = pooled ? createPreparePool({ size: threads, packs: ctx.packs }) : undefined;
  let outcomes: Array<RefreshOutcome | undefined>;
  try {
    outcomes = await Promise.all(
      chosen.map(async (feed) => {
        if (stopped()) return undefined;
        const outcome =
          feed.settings.fullText === 'off'
            ? await limiter.run(feed.url, async () => {
                if (stopped()) return undefined;
                return refreshFeed(ctx, feed, {
                  limiter: passThrough,
                  signal: options.signal,
                  flushArchive: false,
                  preparer,
                  recordFetch,
                });
              })
            : await refreshFeed(ctx, feed, {
                limiter: gated(limiter, stopped),
                pageLimiter: limiter,
                signal: options.signal,
                flushArchive: false,
                preparer,
                recordFetch,
              });
        if (outcome?.kind === 'ok' && outcome.itemCount > 0) archive.request();
        // Only a fetch cancelled by the round's stop is left out; a failure the store could not record is still a failure.
        if (outcome === undefined || (!outcome.recorded && outcome.error?.code === 'fetch.aborted')) return undefined;
        count(progress, outcome);
        options.onProgress?.({ ...progress });
        return outcome;
      }),
    );
    await archive.settled();
  } finally {
    await preparer?.close();
    await flusher?.close();
  }
  const results = outcomes.filter((o): o is RefreshOutcome => o !== undefined);
  const archiveCommit = await commitArchiveRound(ctx);
  const retention =
    results.length > 0 && options.signal?.aborted !== true ? await applyRetention(ctx) : NOTHING_RETAINED;
  const { total: _total, done: _done, ...totals } = progress;
  return {
    feeds: results.length,
    ...totals,
    skipped: feeds.length - results.length,
    missing,
    retention,
    durationMs: Math.round(performance.now() - started),
    results,
    ...(archiveCommit === undefined ? {} : { archiveCommit }),
  };
}

/** Refreshes the feeds whose next check is due at `now` (up to `limit`, most overdue first): one scheduler tick. */
export async function refreshDue(
  ctx: IngestContext,
  now: number,
  options: Omit<RefreshRoundOptions, 'feedIds' | 'feeds'> & { limit?: number } = {},
): Promise<RoundSummary> {
  const feeds = await ctx.store.dueFeeds(now, options.limit ?? 1000);
  return refreshRound(ctx, { ...options, feeds });
}

/** Returns true when the feed's last fetch was rate-limited and the server's wait is not over. */
export function insideRetryAfter(feed: Feed, now: number): boolean {
  return feed.lastError?.code === 'fetch.rate-limited' && feed.nextCheckAt > now;
}

const NOTHING_RETAINED: RetentionResult = Object.freeze({ articlesDeleted: 0, revisionsDeleted: 0, tombstoned: 0 });

// A retention the store could not apply does not undo the round that ran; the next round tries again.
async function applyRetention(ctx: IngestContext): Promise<RetentionResult & { error?: string }> {
  try {
    return await ctx.store.applyRetention(ctx.now());
  } catch (error) {
    return { ...NOTHING_RETAINED, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Rounds of fewer feeds parse and clean on the main thread: starting workers would cost more than it saves. */
const POOL_MIN_FEEDS = 4;

// The round's limiter already holds the slot while refreshFeed runs; its own fetch must not queue again.
const passThrough = { run: <T>(_url: string, task: () => Promise<T>) => task() };

// A feed fetch that gets its slot after the round was stopped does not start: `fetch.aborted` is never recorded.
function gated(limiter: HostLimiter, stopped: () => boolean): HostLimiter {
  return {
    run<T>(url: string, task: () => Promise<T>): Promise<T> {
      return limiter.run(url, async (): Promise<T> => {
        if (stopped()) throw new AppError('fetch.aborted', 'the round was stopped');
        return task();
      });
    },
  };
}

// Archive flushes behind the fetches: requests made while one runs are served by one more flush after it.
function createBackgroundFlush(flush: () => Promise<unknown>): { request(): void; settled(): Promise<void> } {
  let current: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await flush();
    } while (again);
    current = undefined;
  };
  return {
    request() {
      if (current === undefined) current = loop();
      else again = true;
    },
    async settled() {
      while (current !== undefined) await current;
    },
  };
}

async function chooseFeeds(
  ctx: IngestContext,
  options: RefreshRoundOptions,
): Promise<{ feeds: Feed[]; missing: number[] }> {
  if (options.feeds !== undefined) return { feeds: options.feeds, missing: [] };
  if (options.feedIds === undefined) {
    // Every subscribed feed is due by the end of time; unlike listFeeds this skips the per-feed article
    // stats, a scan of every article (bench/README.md, "Refresh round: choosing the feeds").
    const all = await ctx.store.dueFeeds(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    return { feeds: all.sort((a, b) => a.id - b.id), missing: [] };
  }
  const feeds: Feed[] = [];
  const missing: number[] = [];
  for (const id of new Set(options.feedIds)) {
    const feed = await ctx.store.getFeed(id);
    if (feed === undefined || feed.removedAt !== undefined) missing.push(id);
    else feeds.push(feed);
  }
  return { feeds, missing };
}

function count(progress: RoundProgress, outcome: RefreshOutcome): void {
  progress.done++;
  progress.newArticles += outcome.newArticles;
  progress.newRevisions += outcome.newRevisions;
  if (outcome.kind === 'ok') progress.ok++;
  else if (outcome.kind === 'not-modified') progress.notModified++;
  else if (outcome.kind === 'rate-limited') progress.rateLimited++;
  else progress.failed++;
}
