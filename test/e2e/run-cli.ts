/**
 * Runs the real `tidings` command (node bin/tidings.js, which loads the compiled dist/) as
 * a child process, the way a user or a cron job does. Always asynchronous: the fixture
 * server lives in the test's own process, so a synchronous spawn would block the very
 * server the child is talking to. Every run gets a clean environment (no TIDINGS_*
 * variables leak in from the developer's shell) plus the ones the test sets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const BIN = fileURLToPath(new URL('../../bin/tidings.js', import.meta.url));
const MAIN_JS = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const TIME_BIN = '/usr/bin/time';

/** What one finished CLI process did. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds from spawn to exit. */
  ms: number;
  /** Peak resident memory in KiB, when the run was measured with /usr/bin/time. */
  maxRssKib?: number;
}

/** Options of one CLI run. */
export interface CliOptions {
  /** Extra environment variables (on top of the clean base). */
  env?: Record<string, string>;
  /** Kill the process (SIGKILL) after this many ms; default 60 s. The run then has signal SIGKILL. */
  killAfterMs?: number;
  /** Measure peak memory with /usr/bin/time -f %M (ignored when it is absent). */
  measureMemory?: boolean;
  /** Text written to the command's standard input (otherwise stdin is closed). */
  input?: string;
}

/** Throws a clear error when the compiled CLI is missing (CI runs `npm run build` before `npm test`); warns when src/ is newer. */
export function requireBuild(): void {
  if (!existsSync(MAIN_JS)) {
    throw new Error(`${MAIN_JS} is missing: the end-to-end tests run the compiled CLI, so run "npm run build" first`);
  }
  const builtAt = statSync(MAIN_JS).mtimeMs;
  const newer = readdirSync(SRC, { recursive: true, withFileTypes: true }).find(
    (e) =>
      e.isFile() &&
      e.name.endsWith('.ts') &&
      !e.name.endsWith('.test.ts') &&
      statSync(join(e.parentPath, e.name)).mtimeMs > builtAt,
  );
  if (newer !== undefined)
    console.warn(
      `end-to-end tests: ${join(newer.parentPath, newer.name)} is newer than dist/: run "npm run build" to test the current code`,
    );
}

/** Returns true when /usr/bin/time exists to measure peak memory. */
export function canMeasureMemory(): boolean {
  return existsSync(TIME_BIN);
}

/** Returns the environment for a CLI child: the test process's, minus TIDINGS_*, plus loopback feeds allowed and `extra`. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('TIDINGS_')) env[name] = value;
  }
  // The allow-list form (not "1"): loopback for the fixture server, while 10.0.0.1 stays refused.
  return { ...env, TIDINGS_ALLOW_PRIVATE_NETWORKS: '127.0.0.1', TIDINGS_PER_HOST_SPACING_MS: '0', ...extra };
}

/** Starts `tidings --data DATA ARGS…` in its own process group and returns the child (for serve and kill tests). */
export function spawnCli(
  data: string,
  args: readonly string[],
  options: CliOptions = {},
  rssFile?: string,
): ChildProcess {
  const argv = [BIN, '--data', data, ...args];
  const env = cliEnv(options.env);
  const stdin = options.input === undefined ? 'ignore' : 'pipe';
  const child =
    rssFile !== undefined
      ? spawn(TIME_BIN, ['-f', '%M', '-o', rssFile, process.execPath, ...argv], {
          cwd: REPO_ROOT,
          env,
          stdio: [stdin, 'pipe', 'pipe'],
          detached: true,
        })
      : spawn(process.execPath, argv, { cwd: REPO_ROOT, env, stdio: [stdin, 'pipe', 'pipe'], detached: true });
  if (options.input !== undefined) child.stdin?.end(options.input);
  return child;
}

/** Sends `signal` to the child's process group (the child and, under /usr/bin/time, the node process it runs). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Runs `tidings --data DATA ARGS…` to its end (or its kill) and returns what it did; never rejects for a failing command. */
export async function runCli(data: string, args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const rssFile =
    options.measureMemory === true && canMeasureMemory() ? `${data}.rss-${process.hrtime.bigint()}` : undefined;
  const started = performance.now();
  const child = spawnCli(data, args, options, rssFile);
  const { code, signal, stdout, stderr } = await waitForExit(child, options.killAfterMs ?? 60_000);
  const ms = performance.now() - started;
  const run: CliRun = { code, signal, stdout, stderr, ms };
  if (rssFile !== undefined) {
    const text = await readFile(rssFile, 'utf8').catch(() => '');
    const kib = Number(text.trim().split('\n').at(-1));
    if (Number.isFinite(kib) && kib > 0) run.maxRssKib = kib;
  }
  return run;
}

/** Runs a command with `--json`, expects exit 0, and returns its parsed stdout. */
export async function cliJson<T = unknown>(
  data: string,
  args: readonly string[],
  options: CliOptions = {},
): Promise<T> {
  const run = await runCli(data, [...args, '--json'], options);
  if (run.code !== 0) {
    throw new Error(
      `tidings ${args.join(' ')} --json exited ${run.code ?? run.signal}: ${run.stderr.trim() || run.stdout.trim()}`,
    );
  }
  return JSON.parse(run.stdout) as T;
}

/** Waits for `child` to exit, killing it with SIGKILL after `killAfterMs`; collects its output. */
export function waitForExit(
  child: ChildProcess,
  killAfterMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => killGroup(child), killAfterMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}
