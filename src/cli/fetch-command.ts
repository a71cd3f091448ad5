/**
 * `tidings fetch [FEED…] [--concurrency N] [--force] [--json]`: one refresh round now (all
 * subscribed feeds, or the ones named). On a terminal a live progress line is redrawn in
 * place (at most 10 times a second), then the summary and the feeds that failed; otherwise
 * only the one summary line (or the JSON summary). Exit 0 whenever the round ran, even if
 * feeds failed: their errors are recorded on the feeds (`tidings feeds`).
 */
// Single files, not the ingest barrel: a warm round should not load what it never runs (start-up time).
import { flushPendingArchive } from '../ingest/archive-jobs/write-pending-archive.ts';
import { refreshRound, type RoundProgress, type RoundSummary } from '../ingest/refresh/refresh-round.ts';
import { archiveJobsFor, settleArchiveJobs } from '../ingest/archive-jobs/commit-archive-round.ts';
import { formatDuration } from '../util/format-duration.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { oneLine } from './format.ts';
import { withContext, type GlobalOptions } from './with-context.ts';
import type { IngestContext } from '../ingest/ingest-context.ts';

/** Options of `tidings fetch`. */
export interface FetchCommandOptions {
  concurrency?: string;
  force?: boolean;
  json?: boolean;
}

const REDRAW_MS = 100;

/** Runs `tidings fetch`; exit 1 only for an unknown FEED or a round that could not run. */
export async function runFetch(
  io: CliIo,
  globals: GlobalOptions,
  refs: string[],
  options: FetchCommandOptions,
): Promise<number> {
  const flags = options.concurrency === undefined ? {} : { concurrency: options.concurrency };
  return withContext(
    io,
    globals,
    async (ctx) => {
      let feedIds: number[] | undefined;
      if (refs.length > 0) {
        feedIds = [];
        const { findFeedByRef } = await import('../ingest/subscriptions/find-feed-by-ref.ts');
        for (const ref of refs) {
          const feed = await findFeedByRef(ctx, ref);
          if (feed === undefined || feed.removedAt !== undefined) return fail(io, `no subscribed feed ${ref}`);
          feedIds.push(feed.id);
        }
      }
      await flushPendingArchive(ctx);
      const live = io.isTty && options.json !== true;
      const started = performance.now();
      let lastDraw = 0;
      const onProgress = live
        ? (p: RoundProgress) => {
            const now = performance.now();
            if (now - lastDraw < REDRAW_MS && p.done < p.total) return;
            lastDraw = now;
            io.stdout(`\r\x1b[K${progressLine(p, (now - started) / 1000)}`);
          }
        : undefined;
      let summary: RoundSummary;
      try {
        // --concurrency is a setting (validated with the others), so the context's limiter already has it.
        summary = await refreshRound(ctx, { feedIds, force: options.force === true, onProgress });
      } catch (error) {
        if (live) io.stdout('\r\x1b[K');
        return fail(io, `the round could not run: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (options.json === true) {
        printJson(io, summary);
        printFullTextWarnings(io, summary);
        await reportArchiveGit(io, ctx);
        return EXIT.ok;
      }
      io.stdout(`${live ? '\r\x1b[K' : ''}${summaryLine(summary)}\n`);
      if (summary.retention.error !== undefined)
        io.stderr(
          `tidings: warning: retention could not run (it runs after the next round): ${summary.retention.error}\n`,
        );
      printFullTextWarnings(io, summary);
      if (live) {
        for (const r of summary.results.filter((r) => r.kind === 'failed' || r.kind === 'rate-limited')) {
          io.stdout(`  #${r.feedId} ${r.url}: ${r.error?.code ?? r.kind}: ${oneLine(r.error?.message, 100)}\n`);
        }
      }
      await reportArchiveGit(io, ctx);
      return EXIT.ok;
    },
    flags,
  );
}

// Once the pushes this round started are done, each mirror still failing; the round itself succeeded.
async function reportArchiveGit(io: CliIo, ctx: IngestContext): Promise<void> {
  const jobs = archiveJobsFor(ctx);
  if (jobs === undefined) return;
  await settleArchiveJobs(ctx);
  for (const mirror of await jobs.pusher.statuses()) {
    if (mirror.failures === 0 || mirror.lastError === undefined) continue;
    const retry =
      mirror.nextAttemptAt === undefined ? '' : ` (next try after ${new Date(mirror.nextAttemptAt).toISOString()})`;
    io.stderr(
      `tidings: warning: mirror ${mirror.name}: push failed ${mirror.failures}× in a row${retry}: ${oneLine(mirror.lastError, 300)}\n`,
    );
  }
}

/** Returns the live progress line: feeds done/total, new articles, revisions, errors, rate. */
export function progressLine(p: RoundProgress, seconds: number): string {
  const rate = seconds > 0 ? (p.done / seconds).toFixed(1) : '0.0';
  return `Fetching ${p.done}/${p.total} feeds · ${p.newArticles} new articles · ${p.newRevisions} revisions · ${p.failed + p.rateLimited} errors · ${rate} feeds/s`;
}

/** Returns the one-line summary of a round. */
export function summaryLine(s: RoundSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const skipped = s.skipped === 0 ? '' : `, ${s.skipped} skipped (waiting for Retry-After; --force fetches them)`;
  return (
    `Fetched ${plural(s.feeds, 'feed')} in ${formatDuration(s.durationMs / 1000)}: ${s.ok} ok, ${s.notModified} not modified, ` +
    `${s.rateLimited} rate-limited, ${s.failed} failed${skipped}; ${plural(s.newArticles, 'new article')}, ${plural(s.newRevisions, 'revision')}` +
    retentionPart(s.retention) +
    archivePart(s.archiveCommit)
  );
}

// Said only with archiveGit on: the commit, or why there is none (the next round commits the files).
function archivePart(commit: RoundSummary['archiveCommit']): string {
  if (commit?.kind === 'committed') return `; archive commit ${commit.commit.slice(0, 12)} (${commit.files} files)`;
  if (commit?.kind === 'failed')
    return `; archive commit failed (the next round commits the files): ${oneLine(commit.error, 200)}`;
  return '';
}

// Only said when a feed's retention removed something: by default nothing is ever deleted.
function retentionPart(r: RoundSummary['retention']): string {
  const articles = r.articlesDeleted + r.tombstoned;
  return articles === 0
    ? ''
    : `; retention removed ${r.revisionsDeleted} revision${r.revisionsDeleted === 1 ? '' : 's'} of ${articles} old article${articles === 1 ? '' : 's'} (the archive keeps them)`;
}

// Full-text pages that could not be used: the entries kept the feed's own body (never a feed failure).
function printFullTextWarnings(io: CliIo, summary: RoundSummary): void {
  for (const r of summary.results) {
    for (const w of r.warnings ?? [])
      io.stderr(
        `tidings: warning: #${r.feedId} full text kept the feed's body: ${w.code}: ${oneLine(w.message, 160)}\n`,
      );
  }
}
