/**
 * Pushing the archive repository to its mirrors, off the round's critical path: a commit asks
 * for pushes and returns at once; each mirror is pushed by one push at a time in this process
 * (and in all processes sharing the archive: a push lock per mirror, skipped when held). A
 * mirror with `pushIntervalMinutes` 0 is pushed after every commit, others at most every N
 * minutes. After a failure the mirror waits 1 minute, then 2, 4… up to an hour, before the
 * next try (whatever its interval); a success clears that. State goes to mirror-status.ts
 * files; what `/metrics` and the health page show is read from there and from git
 * (`refs/remotes/NAME/main`). Credentials are looked up at each push (a rotated token is
 * picked up) and never leave the push's environment.
 */
import { join } from 'node:path';
import {
  credentialConfig,
  findCredential,
  pushRemote,
  redact,
  takeRepositoryLock,
  unpushedCommits,
} from '../../archive/git/index.ts';
import type { ArchiveGitConfig, MirrorRemote } from './archive-git-config.ts';
import { readMirrorState, writeMirrorState, type MirrorState } from './mirror-status.ts';

/** One mirror as the health page and /metrics show it. */
export interface MirrorStatus extends MirrorState {
  name: string;
  url: string;
  pushIntervalMinutes: number;
  /** Commits of `main` the mirror has not received. */
  unpushed: number;
  /** Where its credentials come from (never their value). */
  credentials: string;
}

/** Pushes to the configured mirrors. */
export interface MirrorPusher {
  /** Starts the pushes that are due after a commit, without waiting for them. */
  afterCommit(): void;
  /** Pushes every mirror that is due now; resolves when those pushes are done. */
  pushDue(): Promise<void>;
  /** Pushes the named mirrors (default all) now, whatever their interval and back-off; resolves when done. */
  pushNow(names?: readonly string[]): Promise<void>;
  /** Checks every `everyMs` (default 30 s) for mirrors that are due (the server's loop); returns a stop function. */
  start(everyMs?: number): () => void;
  /** Resolves once no push of this process is running. */
  settled(): Promise<void>;
  /** The status of every mirror. */
  statuses(): Promise<MirrorStatus[]>;
}

/** The first wait after a failed push; it doubles per failure in a row up to MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS = 60_000;
/** The longest wait after failed pushes. */
export const MAX_BACKOFF_MS = 3_600_000;

/** Returns the wait after `failures` failed pushes in a row. */
export function backoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
}

/** Returns true when a mirror in `state` should be pushed at `now` with `unpushed` commits waiting. */
export function isDue(remote: MirrorRemote, state: MirrorState, unpushed: number, now: number): boolean {
  if (unpushed === 0) return false;
  if (state.failures > 0) return now >= (state.nextAttemptAt ?? 0);
  if (remote.pushIntervalMinutes === 0 || state.lastAttemptAt === undefined) return true;
  return now >= state.lastAttemptAt + remote.pushIntervalMinutes * 60_000;
}

/** Returns a pusher for the archive at `root`. */
export function createMirrorPusher(root: string, config: ArchiveGitConfig, now: () => number): MirrorPusher {
  const running = new Map<string, Promise<void>>();

  const pushOne = async (remote: MirrorRemote, force: boolean): Promise<void> => {
    let lock;
    try {
      lock = await takeRepositoryLock(join(root, '.git'), `tidings-push-${remote.name}.lock`, { waitMs: 0 });
    } catch {
      return;
    }
    try {
      const state = await readMirrorState(root, remote.name);
      if (!force && !isDue(remote, state, await unpushedCommits(root, remote.name), now())) return;
      const attemptAt = now();
      const lookup = await findCredential(remote.name, remote.url, config.env, config.credentialsFile);
      const auth = lookup.kind === 'found' ? credentialConfig(remote.url, lookup.credential) : undefined;
      const outcome =
        lookup.kind === 'invalid'
          ? { kind: 'failed' as const, error: lookup.reason }
          : await pushRemote(root, remote, { config: auth?.config, secrets: auth?.secrets });
      let next: MirrorState;
      if (outcome.kind === 'failed') {
        const failures = state.failures + 1;
        next = {
          ...state,
          lastAttemptAt: attemptAt,
          lastError: redact(outcome.error, auth?.secrets ?? []),
          failures,
          nextAttemptAt: now() + backoffMs(failures),
        };
      } else if (outcome.kind === 'pushed') {
        next = { lastAttemptAt: attemptAt, lastSuccessAt: now(), failures: 0, pushedCommit: outcome.commit };
      } else return;
      await writeMirrorState(root, remote.name, next);
    } finally {
      await lock.release();
    }
  };

  const request = async (remote: MirrorRemote, force = false): Promise<void> => {
    const current = running.get(remote.name);
    if (current !== undefined) {
      await current;
      if (!force) return;
      return request(remote, force);
    }
    const started = pushOne(remote, force)
      .catch(() => undefined)
      .finally(() => running.delete(remote.name));
    running.set(remote.name, started);
    return started;
  };

  const pushDue = async () => {
    await Promise.all(config.remotes.map((remote) => request(remote)));
  };

  return {
    afterCommit() {
      void pushDue();
    },
    pushDue,
    async pushNow(names) {
      const chosen = config.remotes.filter((r) => names === undefined || names.includes(r.name));
      await Promise.all(chosen.map((remote) => request(remote, true)));
    },
    start(everyMs = 30_000) {
      const timer = setInterval(() => void pushDue(), everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    async settled() {
      while (running.size > 0) await Promise.all(running.values());
    },
    async statuses() {
      return Promise.all(
        config.remotes.map(async (remote) => {
          const lookup = await findCredential(remote.name, remote.url, config.env, config.credentialsFile);
          return {
            name: remote.name,
            url: redact(remote.url, []),
            pushIntervalMinutes: remote.pushIntervalMinutes,
            ...(await readMirrorState(root, remote.name)),
            unpushed: await unpushedCommits(root, remote.name).catch(() => 0),
            credentials: lookup.kind === 'found' ? lookup.from : lookup.kind === 'none' ? 'none' : lookup.reason,
          };
        }),
      );
    },
  };
}
