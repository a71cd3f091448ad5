/**
 * Keeps the archive repository's size in check with `git gc --auto`, which Tidings runs after
 * its commits (git's own automatic runs are off: they would start in the background of a
 * command Tidings waits for). Each commit stores a new copy of every `index.jsonl` it changes,
 * whole and compressed on its own, so loose objects grow by the size of the changed indexes per
 * round, not by the size of the news; packing stores each new version as a delta against the
 * previous one. So Tidings packs sooner than git would (`gc.auto` at 1,000 loose objects,
 * instead of 6,700) and lets git merge packs once there are 20 (`gc.autoPackLimit`), which is
 * when the deltas between index versions of different rounds are found (bench/README.md).
 * Holds the repository lock: a gc never runs beside a commit.
 */
import { join } from 'node:path';
import { COMMIT_LOCK } from './commit-archive.ts';
import { takeRepositoryLock, type LockOptions } from './repository-lock.ts';
import { runGit, describeFailure } from './run-git.ts';

/** What a maintenance run did: ran (the gc may have found nothing to do), or failed with git's words. */
export type MaintainResult = { kind: 'done'; ms: number } | { kind: 'failed'; error: string };

/** The thresholds Tidings gives `git gc --auto`. */
export const GC_CONFIG = ['-c', 'gc.auto=1000', '-c', 'gc.autoPackLimit=20'] as const;

/** Runs `git gc --auto` in the archive repository at `root`; never throws. */
export async function maintainArchive(root: string, lock?: LockOptions): Promise<MaintainResult> {
  const started = performance.now();
  try {
    const held = await takeRepositoryLock(join(root, '.git'), COMMIT_LOCK, lock);
    try {
      const args = [...GC_CONFIG, 'gc', '--auto', '--quiet'];
      const result = await runGit(args, { cwd: root, timeoutMs: 3_600_000 });
      if (result.code !== 0) return { kind: 'failed', error: describeFailure(['gc'], result) };
    } finally {
      await held.release();
    }
    return { kind: 'done', ms: performance.now() - started };
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
