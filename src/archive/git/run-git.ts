/**
 * Runs the `git` program for the archive repository, never through a shell: arguments are an
 * array, and the environment is built here from nothing but what git needs, so no system or
 * user configuration (GIT_CONFIG_NOSYSTEM, GIT_CONFIG_GLOBAL=/dev/null), no hook path, pager,
 * editor or prompt of the person running Tidings leaks in. Author and committer, with their
 * time, come from Tidings; paths are printed as they are (`core.quotepath=off`, so Chinese
 * paths stay readable) and every listing is NUL-separated. Secrets given to a run are
 * passed in the environment only (GIT_CONFIG_COUNT/KEY/VALUE, never argv, which `ps` shows)
 * and replaced by `***` in anything returned, as is any `user:password@` in a URL.
 */
import { spawn } from 'node:child_process';
import { AppError } from '../../domain/errors.ts';

/** Who commits and when: a name, an email and the time in epoch milliseconds. */
export interface GitIdentity {
  name: string;
  email: string;
  time: number;
}

/** One git invocation's inputs besides its arguments. */
export interface RunGitOptions {
  /** The work tree to run in (`git -C`). */
  cwd: string;
  /** Sets GIT_AUTHOR_* and GIT_COMMITTER_*. */
  identity?: GitIdentity;
  /** Configuration passed through the environment (`key=value` never appears in argv). */
  config?: Readonly<Record<string, string>>;
  /** Values to hide from stdout/stderr text returned (tokens, headers). */
  secrets?: readonly string[];
  /** Written to the command's standard input. */
  input?: string | Buffer;
  /** Kills the command after this many ms; default 10 minutes. */
  timeoutMs?: number;
}

/** What one git command did: its exit code (null when killed), its output, and its stderr with secrets hidden. */
export interface GitResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

/** The `git` program run; tests and the benchmark may point it elsewhere with TIDINGS_GIT. */
export const GIT_PROGRAM = process.env.TIDINGS_GIT ?? 'git';

const DEFAULT_TIMEOUT_MS = 600_000;

/** Settings every command gets on its command line: stable output and no work behind Tidings' back. */
const FIXED_CONFIG = [
  '-c',
  'core.quotepath=off',
  '-c',
  'core.precomposeunicode=true',
  '-c',
  'gc.auto=0',
  '-c',
  'gc.autoDetach=false',
  '-c',
  'maintenance.auto=false',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'color.ui=false',
];

/** Runs `git ARGS…` in `options.cwd` and returns what it did; throws AppError `archive.git` only when git cannot be started. */
export function runGit(args: readonly string[], options: RunGitOptions): Promise<GitResult> {
  const env = gitEnvironment(options);
  const secrets = options.secrets ?? [];
  return new Promise((resolve, reject) => {
    const child = spawn(GIT_PROGRAM, [...FIXED_CONFIG, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.stdin.on('error', () => undefined);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new AppError('archive.git', `cannot run ${GIT_PROGRAM}: ${error.message}`, { cause: error }));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      const stderr = redact(Buffer.concat(err).toString('utf8'), secrets);
      resolve({ code, stdout: Buffer.concat(out), stderr, timedOut });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and returns its stdout; throws AppError `archive.git` with the (redacted) stderr when it fails. */
export async function runGitChecked(args: readonly string[], options: RunGitOptions): Promise<Buffer> {
  const result = await runGit(args, options);
  if (result.code !== 0) throw new AppError('archive.git', describeFailure(args, result));
  return result.stdout;
}

/** Returns a one-paragraph account of a failed command: which subcommand, how it ended, git's own words. */
export function describeFailure(args: readonly string[], result: GitResult): string {
  const how = result.timedOut ? 'timed out' : `exited ${result.code ?? 'on a signal'}`;
  const said = result.stderr.trim().split('\n').slice(-6).join(' ').trim();
  return `git ${args[0] ?? ''} ${how}${said === '' ? '' : `: ${said}`}`;
}

/** Returns `text` with every secret, every URL's `user:password@` and an HTTP URL's `user@` replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*:[^/@\s]*@/gi, '$1***@')
    .replace(/(https?:\/\/)[^/@\s]+@/gi, '$1***@');
}

// Only what git needs: where programs are, HOME for ssh's keys (never for git's own config), the
// ssh agent, and a C locale so messages are stable; the rest is set here.
function gitEnvironment(options: RunGitOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_PAGER: 'cat',
    GIT_EDITOR: 'true',
    GIT_SSH_COMMAND: 'ssh -o BatchMode=yes',
  };
  for (const name of ['HOME', 'SSH_AUTH_SOCK', 'TMPDIR'] as const) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  const identity = options.identity;
  if (identity !== undefined) {
    const date = `@${Math.floor(identity.time / 1000)} +0000`;
    env.GIT_AUTHOR_NAME = identity.name;
    env.GIT_AUTHOR_EMAIL = identity.email;
    env.GIT_AUTHOR_DATE = date;
    env.GIT_COMMITTER_NAME = identity.name;
    env.GIT_COMMITTER_EMAIL = identity.email;
    env.GIT_COMMITTER_DATE = date;
  }
  const config = Object.entries(options.config ?? {});
  if (config.length > 0) {
    env.GIT_CONFIG_COUNT = String(config.length);
    config.forEach(([key, value], i) => {
      env[`GIT_CONFIG_KEY_${i}`] = key;
      env[`GIT_CONFIG_VALUE_${i}`] = value;
    });
  }
  return env;
}
