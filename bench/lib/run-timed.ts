/**
 * Runs benchmark commands as child processes the way a user would, timing wall clock from
 * spawn to exit (stdio closed) and capturing peak RSS and CPU time (user + system): through
 * GNU `/usr/bin/time -f '%M %U %S'` when present (it covers any program and its waited-for
 * children), else, for Node commands only, a `--import` hook that reports
 * `process.resourceUsage()`. Stdout goes either to a
 * counting sink (bytes are counted, never kept) or straight to a capture file for checking.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One process to start: program, arguments, working directory, and variables added to the environment. */
export interface TimedCommand {
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}

/** Where a run's stdout goes: counted and dropped, or written to `file` (appended). */
export type StdoutSink = { kind: 'count' } | { kind: 'capture'; file: string };

/** What one or more sequential processes cost. */
export interface TimedResult {
  wallMs: number;
  /** Highest peak RSS of the processes, in KiB; undefined when it could not be measured. */
  peakRssKib: number | undefined;
  /** CPU time (user + system, waited-for children included) of the processes, summed; undefined when not measured. */
  cpuMs?: number;
  stdoutBytes: number;
  /** The first non-zero exit code, or 0. */
  exitCode: number;
  /** The last 2 KB of stderr, for error reports. */
  stderrTail: string;
}

const GNU_TIME = '/usr/bin/time';
const RSS_HOOK = fileURLToPath(new URL('./report-max-rss.mjs', import.meta.url));

/** Returns how peak RSS and CPU time are measured on this machine. */
export function describeRssMethod(): string {
  return existsSync(GNU_TIME) ? "/usr/bin/time -f '%M %U %S'" : 'process.resourceUsage() (node commands only)';
}

/** Returns the argv that runs `cmd` under the RSS probe writing to `rssFile`, plus extra env. */
function wrapForRss(cmd: TimedCommand, rssFile: string): { argv: string[]; env: NodeJS.ProcessEnv } {
  const env = { ...process.env, ...cmd.env };
  if (existsSync(GNU_TIME)) return { argv: [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, cmd.command, ...cmd.args], env };
  const isNode = cmd.command === process.execPath || path.basename(cmd.command) === 'node';
  const argv = isNode ? [cmd.command, '--import', RSS_HOOK, ...cmd.args] : [cmd.command, ...cmd.args];
  return { argv, env: { ...env, BENCH_RSS_FILE: rssFile } };
}

/** Returns the probe's figures from its file, whose last line is `KiB [user-seconds system-seconds]`. */
async function readUsage(rssFile: string): Promise<{ peakRssKib?: number; cpuMs?: number }> {
  const text = await readFile(rssFile, 'utf8').catch(() => '');
  const last = text.trim().split('\n').pop() ?? '';
  const match = /^(\d+)(?: ([\d.]+) ([\d.]+))?$/.exec(last);
  if (match === null) return {};
  const cpuMs = match[2] === undefined ? undefined : (Number(match[2]) + Number(match[3])) * 1000;
  return { peakRssKib: Number(match[1]), cpuMs };
}

/** Runs one command to completion and returns its cost; never rejects for a failing child. */
async function runOne(cmd: TimedCommand, sink: StdoutSink, scratch: string): Promise<TimedResult> {
  const rssFile = path.join(scratch, 'rss');
  await rm(rssFile, { force: true });
  const { argv, env } = wrapForRss(cmd, rssFile);
  const capture = sink.kind === 'capture' ? await open(sink.file, 'a') : undefined;
  const stdout = capture ? capture.fd : 'pipe';
  const started = performance.now();
  const child = spawn(argv[0], argv.slice(1), { cwd: cmd.cwd, env, stdio: ['ignore', stdout, 'pipe'] });
  let stdoutBytes = 0;
  let stderrTail = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdoutBytes += chunk.length;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-2048);
  });
  const exitCode = await new Promise<number>((resolve) => {
    child.on('error', (error) => {
      stderrTail += String(error);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallMs = performance.now() - started;
  if (capture) {
    stdoutBytes = (await capture.stat()).size;
    await capture.close();
  }
  const usage = await readUsage(rssFile);
  return { wallMs, peakRssKib: usage.peakRssKib, cpuMs: usage.cpuMs, stdoutBytes, exitCode, stderrTail };
}

/**
 * Runs `commands` one after another (e.g. batches of one tool's file list) and returns their
 * summed wall time and output bytes and their highest peak RSS. With a capture sink, the file
 * is truncated first and stdoutBytes is its final size.
 */
export async function runTimed(commands: TimedCommand[], sink: StdoutSink): Promise<TimedResult> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'bench-'));
  if (sink.kind === 'capture') await (await open(sink.file, 'w')).close();
  const total: TimedResult = { wallMs: 0, peakRssKib: undefined, stdoutBytes: 0, exitCode: 0, stderrTail: '' };
  try {
    for (const cmd of commands) {
      const one = await runOne(cmd, sink, scratch);
      total.wallMs += one.wallMs;
      total.stdoutBytes = sink.kind === 'capture' ? one.stdoutBytes : total.stdoutBytes + one.stdoutBytes;
      if (one.peakRssKib !== undefined) total.peakRssKib = Math.max(total.peakRssKib ?? 0, one.peakRssKib);
      if (one.cpuMs !== undefined) total.cpuMs = (total.cpuMs ?? 0) + one.cpuMs;
      if (total.exitCode === 0) total.exitCode = one.exitCode;
      if (one.stderrTail) total.stderrTail = (total.stderrTail + one.stderrTail).slice(-2048);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return total;
}

/** Splits `args` into batches whose joined length stays under `maxBytes` (ARG_MAX safety). */
export function splitArgs(args: string[], maxBytes = 100_000): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const arg of args) {
    const size = Buffer.byteLength(arg) + 1;
    if (batch.length > 0 && bytes + size > maxBytes) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(arg);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
