/**
 * One Tidings process at a time changes the archive repository: a lock file in its `.git`
 * folder, created exclusively and holding the owner's pid. Several fetch processes on one
 * machine may share an archive folder; each waits for the lock, polling, up to a limit. A lock
 * whose pid is no longer running was left by a killed process and is taken over, and so are
 * the lock files of git itself that such a process's git child left (index.lock, HEAD.lock, the
 * branch's lock) once they have not gone away within the wait (the killed process's git command
 * may still be finishing): while this lock is held no other Tidings git command runs here.
 * Git's own lock is still respected for anyone else (a person running git by hand): commands
 * that meet it fail, and the caller retries at the next round.
 */
import { open, readFile, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.ts';

/** A held lock; `release` removes it (once). */
export interface RepositoryLock {
  /** True when the previous holder had died and its lock was taken over. */
  tookOver: boolean;
  release(): Promise<void>;
}

/** How long to wait for a lock and how often to look. */
export interface LockOptions {
  waitMs?: number;
  pollMs?: number;
}

/** Git's lock files that a git command killed with its parent leaves behind. */
const GIT_LOCKS = ['index.lock', 'HEAD.lock', 'refs/heads/main.lock', 'packed-refs.lock'];

/** Takes the lock named `name` in `gitDir`; throws AppError `archive.busy` when another live process holds it past `waitMs` (default 60 s). */
export async function takeRepositoryLock(
  gitDir: string,
  name: string,
  options: LockOptions = {},
): Promise<RepositoryLock> {
  const path = join(gitDir, name);
  const waitMs = options.waitMs ?? 60_000;
  const pollMs = options.pollMs ?? 100;
  const started = Date.now();
  let tookOver = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      if (tookOver) await clearGitLocks(gitDir, started + waitMs, pollMs);
      let released = false;
      return {
        tookOver,
        release: async () => {
          if (released) return;
          released = true;
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder === undefined ? await olderThan(path, EMPTY_LOCK_MS) : !isRunning(holder)) {
      // The holder died: remove its lock (only if it is still the dead one's) and try again at once.
      if ((await readHolder(path)) === holder) await unlink(path).catch(() => undefined);
      tookOver = true;
      continue;
    }
    if (Date.now() - started >= waitMs) {
      throw new AppError('archive.busy', `the archive repository is locked by process ${holder ?? '?'} (${path})`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

// A killed Tidings process may leave its git command running (it is not killed with its parent): its lock files
// go away when it ends, so they are waited for until the deadline, and removed only after it.
async function clearGitLocks(gitDir: string, deadline: number, pollMs: number): Promise<void> {
  for (const lock of GIT_LOCKS) {
    const path = join(gitDir, lock);
    while (Date.now() < deadline && (await exists(path))) await new Promise((r) => setTimeout(r, pollMs));
    await rm(path, { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** An empty lock older than this was left by a process killed between creating and writing it. */
const EMPTY_LOCK_MS = 10_000;

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** Returns the pid in a lock file, or undefined when it cannot be read (being written, or gone). */
async function readHolder(path: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path, 'utf8')).trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
