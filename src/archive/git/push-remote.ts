/**
 * Pushing the archive's `main` to one mirror with `git push`, never forced: a mirror that has
 * commits the archive lacks refuses the push, and that is reported, not overwritten. The remote
 * is kept in the repository's own config (`git remote add/set-url`, the URL as configured,
 * never with credentials), so a successful push moves `refs/remotes/NAME/main`, which tells how
 * many commits a mirror lacks. A stalled transfer is cut after a minute below 1 KB/s.
 */
import { AppError } from '../../domain/errors.ts';
import { ARCHIVE_BRANCH } from './commit-archive.ts';
import { remoteProblem, type GitRemote } from './remote-problem.ts';
import { describeFailure, redact, runGit } from './run-git.ts';

export { remoteProblem } from './remote-problem.ts';
export type { GitRemote } from './remote-problem.ts';

/** What one push did. */
export type PushOutcome =
  | { kind: 'pushed'; commit: string; upToDate: boolean }
  | { kind: 'nothing'; reason: string }
  | { kind: 'failed'; error: string };

/** How one push authenticates and how long it may take. */
export interface PushOptions {
  /** Git configuration carrying credentials (remote-credentials.ts). */
  config?: Record<string, string>;
  secrets?: readonly string[];
  timeoutMs?: number;
}

/** Pushes `main` to `remote`; never throws (git missing included: a failed outcome). */
export async function pushRemote(root: string, remote: GitRemote, options: PushOptions = {}): Promise<PushOutcome> {
  const secrets = options.secrets ?? [];
  try {
    const problem = remoteProblem(remote);
    if (problem !== undefined) return { kind: 'failed', error: problem };
    const head = await runGit(['rev-parse', '--verify', '-q', `refs/heads/${ARCHIVE_BRANCH}`], { cwd: root });
    if (head.code !== 0) return { kind: 'nothing', reason: 'no commit yet' };
    const commit = head.stdout.toString('utf8').trim();
    await syncRemote(root, remote);
    const args = [
      '-c',
      'http.lowSpeedLimit=1000',
      '-c',
      'http.lowSpeedTime=60',
      'push',
      '--porcelain',
      remote.name,
      `refs/heads/${ARCHIVE_BRANCH}:refs/heads/${ARCHIVE_BRANCH}`,
    ];
    const result = await runGit(args, {
      cwd: root,
      config: options.config,
      secrets,
      timeoutMs: options.timeoutMs ?? 600_000,
    });
    if (result.code !== 0) {
      const said = redact(`${result.stdout.toString('utf8')}\n${result.stderr}`, secrets);
      return { kind: 'failed', error: describeFailure(['push'], { ...result, stderr: said }) };
    }
    return { kind: 'pushed', commit, upToDate: /\[up to date\]/.test(result.stdout.toString('utf8')) };
  } catch (error) {
    return { kind: 'failed', error: redact(error instanceof Error ? error.message : String(error), secrets) };
  }
}

/** Returns how many commits of `main` the mirror has not received (all of them before the first push). */
export async function unpushedCommits(root: string, remoteName: string): Promise<number> {
  const tracking = `refs/remotes/${remoteName}/${ARCHIVE_BRANCH}`;
  const known = await runGit(['rev-parse', '--verify', '-q', tracking], { cwd: root });
  const range = known.code === 0 ? `${tracking}..refs/heads/${ARCHIVE_BRANCH}` : `refs/heads/${ARCHIVE_BRANCH}`;
  const counted = await runGit(['rev-list', '--count', range], { cwd: root });
  return counted.code === 0 ? Number(counted.stdout.toString('utf8').trim()) : 0;
}

// The remote in .git/config, with the configured URL.
async function syncRemote(root: string, remote: GitRemote): Promise<void> {
  const current = await runGit(['remote', 'get-url', remote.name], { cwd: root });
  if (current.code === 0 && current.stdout.toString('utf8').trim() === remote.url) return;
  const args =
    current.code === 0
      ? ['remote', 'set-url', '--', remote.name, remote.url]
      : ['remote', 'add', '--', remote.name, remote.url];
  const result = await runGit(args, { cwd: root });
  if (result.code !== 0) throw new AppError('archive.git', describeFailure(args, result));
}
