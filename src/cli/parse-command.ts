/**
 * `tidings parse`: reads feed documents and prints what the parser makes of them, exactly as
 * docs/parse-json.md says. It never touches the network or the database. HTML values
 * are sanitized here (the parser returns raw values; sanitizing is a stage of its own) unless
 * `--raw` asks for the parser's output as it is.
 *
 * Many files are parsed on several threads (parse-pool.ts: the main thread and workers), the
 * output still in the order given. What that buys depends on free cores: on a quiet 2-core
 * machine workers made bench:parse faster, but with other processes busy a worker made it
 * slower (bench/README.md, "`tidings parse`: start-up, reading, JSON, threads"); hence
 * chooseJobs. `--jobs 1` keeps everything on the main thread.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Writable } from 'node:stream';
import { createBufferedOutput } from '../util/buffered-output.ts';
import type { RenderSettings } from './parse-one-file.ts';

/** Options of `tidings parse`, as commander gives them. */
export interface ParseCommandOptions {
  json?: boolean;
  raw?: boolean;
  pretty?: boolean;
  url?: string;
  contentType?: string;
  header: string[];
  /** Threads to parse on (the main thread counts as one): a positive number, or undefined/'auto' to choose from the file count and CPUs. */
  jobs?: string;
}

/** Where `tidings parse` writes; the process's streams unless a caller (a test) gives others. */
export interface ParseCommandIo {
  stdout: Writable;
  stderr: Writable;
}

/** Threads chosen at most: each costs its start-up and its own JIT warm-up, and only 2 cores were measured. */
const MAX_AUTO_JOBS = 4;
/** Files per thread below which starting a worker costs more than it saves. */
const FILES_PER_WORKER = 8;
/** CPU capacity left over (CPUs − load average) below which no worker is started. */
const MIN_FREE_CPU = 0.5;

function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`--header expects 'Name: value', got '${line}'`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** What the automatic choice looks at; the machine's own figures unless a test gives others. */
export interface MachineLoad {
  cpus: number;
  /** The 1-minute load average. */
  loadAverage: number;
  /** Threads of other processes runnable right now (Linux: /proc/loadavg), when known. */
  runnableNow?: number;
}

function readMachineLoad(): MachineLoad {
  return { cpus: os.availableParallelism(), loadAverage: os.loadavg()[0], runnableNow: readRunnableNow() };
}

// /proc/loadavg's fourth field is "runnable/total" scheduling entities this instant; this thread is one of them.
function readRunnableNow(): number | undefined {
  try {
    const runnable = Number(readFileSync('/proc/loadavg', 'latin1').split(' ')[3]?.split('/')[0]);
    return Number.isInteger(runnable) && runnable >= 1 ? runnable - 1 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns how many threads to parse on, the main thread included; 1 means no worker. The
 * automatic choice starts no worker when the machine is already saturated, as `make -l` holds
 * back jobs: a worker on a busy core only adds its start-up and JIT warm-up (bench/README.md,
 * "`tidings parse`: start-up, reading, JSON, threads").
 * Saturated means fewer than MIN_FREE_CPU CPUs left beside this thread by the threads of other
 * processes runnable right now, where Linux tells (/proc/loadavg); else by the 1-minute load
 * average, which cannot tell a busy neighbour from one that just exited (a benchmark's previous
 * tool held this command to one thread for a minute after it ended).
 */
export function chooseJobs(
  jobs: string | undefined,
  files: string[],
  machine: MachineLoad = readMachineLoad(),
): number {
  if (files.includes('-')) return 1; // stdin belongs to the main thread
  if (jobs === undefined || jobs === 'auto') {
    const byFiles = Math.floor(files.length / FILES_PER_WORKER);
    if (machine.runnableNow !== undefined) {
      const free = machine.cpus - machine.runnableNow;
      return free < 1 + MIN_FREE_CPU ? 1 : Math.max(1, Math.min(Math.floor(free), MAX_AUTO_JOBS, byFiles));
    }
    if (machine.cpus - machine.loadAverage < MIN_FREE_CPU) return 1;
    return Math.max(1, Math.min(machine.cpus, MAX_AUTO_JOBS, byFiles));
  }
  const count = Number(jobs);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--jobs expects a positive whole number or 'auto', got '${jobs}'`);
  return Math.min(count, files.length);
}

/** Runs `tidings parse` and returns the exit status: 0 when every file gave a feed, 1 otherwise. */
export async function runParse(
  files: string[],
  options: ParseCommandOptions,
  io: ParseCommandIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const settings: RenderSettings = {
    json: options.json === true,
    raw: options.raw === true,
    indent: options.pretty ? 2 : undefined,
    lines: files.length > 1,
    parse: { url: options.url, contentType: options.contentType, headers: parseHeaders(options.header) },
  };
  const jobs = chooseJobs(options.jobs, files);
  const out = createBufferedOutput(io.stdout);
  let failed = 0;
  const report = (file: string, error: string | undefined): void => {
    if (error === undefined) return;
    failed++;
    io.stderr.write(`tidings: ${file}: ${error}\n`);
  };
  if (jobs > 1) {
    const { parseInWorkers } = await import('./parse-pool.ts');
    await parseInWorkers(files, settings, jobs, async (index, reply) => {
      report(files[index], reply.error);
      if (reply.output instanceof Uint8Array) await out.writeBytes(reply.output);
      else for (const piece of reply.output) await out.write(piece);
    });
  } else {
    const { parseOneFile } = await import('./parse-one-file.ts');
    for (const file of files) {
      const outcome = await parseOneFile(file, settings);
      report(file, outcome.error);
      for (const piece of outcome.output) await out.write(piece);
    }
  }
  await out.flush();
  return failed > 0 ? 1 : 0;
}
