/**
 * The archive's commit after a refresh round (and at `serve` start): when `archiveGit` is on,
 * everything written since the last commit becomes one commit (archive/git/commit-archive.ts),
 * then, without waiting, the mirrors that are due are pushed and `git gc --auto` runs. A commit
 * that fails (git missing, the lock held too long) is a value in the round's summary and never
 * fails the round: the files are on disk, and the next round's commit takes them in. Each
 * context has one set of background jobs; a command that exits waits for them
 * (settleArchiveJobs), so no push or gc is cut short.
 */
import { commitArchive, maintainArchive } from '../../archive/git/index.ts';
import type { IngestContext } from '../ingest-context.ts';
import { createMirrorPusher, type MirrorPusher } from './mirror-pusher.ts';

/** What the commit after a round did. */
export type ArchiveCommitOutcome =
  | { kind: 'committed'; commit: string; message: string; files: number }
  | { kind: 'unchanged' }
  | { kind: 'failed'; error: string };

/** The background work of one context's archive repository. */
export interface ArchiveJobs {
  pusher: MirrorPusher;
  /** Starts `git gc --auto` unless one is running; its outcome is kept in `lastMaintenance`. */
  maintain(): void;
  lastMaintenance?: { at: number; error?: string };
  settled(): Promise<void>;
}

const jobs = new WeakMap<IngestContext, ArchiveJobs>();

/** Returns the context's archive jobs (created on first use), or undefined when `archiveGit` is off. */
export function archiveJobsFor(ctx: IngestContext): ArchiveJobs | undefined {
  const config = ctx.archiveGit;
  if (config === undefined) return undefined;
  let found = jobs.get(ctx);
  if (found === undefined) {
    let maintaining: Promise<void> | undefined;
    const created: ArchiveJobs = {
      pusher: createMirrorPusher(ctx.archiveRoot, config, ctx.now),
      maintain() {
        maintaining ??= maintainArchive(ctx.archiveRoot).then((result) => {
          created.lastMaintenance = { at: ctx.now(), ...(result.kind === 'failed' ? { error: result.error } : {}) };
          maintaining = undefined;
        });
      },
      async settled() {
        await Promise.all([created.pusher.settled(), maintaining]);
      },
    };
    jobs.set(ctx, created);
    found = created;
  }
  return found;
}

/** Commits what the archive folder holds that is new; undefined when `archiveGit` is off. Never throws. */
export async function commitArchiveRound(ctx: IngestContext): Promise<ArchiveCommitOutcome | undefined> {
  const config = ctx.archiveGit;
  const background = archiveJobsFor(ctx);
  if (config === undefined || background === undefined) return undefined;
  let outcome: ArchiveCommitOutcome;
  try {
    const result = await commitArchive(ctx.archiveRoot, { identity: { ...config.author, time: ctx.now() } });
    outcome =
      result.kind === 'committed'
        ? { kind: 'committed', commit: result.commit, message: result.message, files: result.files }
        : result;
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  if (outcome.kind === 'committed') background.maintain();
  background.pusher.afterCommit();
  return outcome;
}

/** Waits for the context's pushes and gc to end (before a command exits). */
export async function settleArchiveJobs(ctx: IngestContext): Promise<void> {
  await archiveJobsFor(ctx)?.settled();
}
