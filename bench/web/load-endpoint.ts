/**
 * One endpoint under a fixed request rate. The load runs in a child process of its own
 * (load-process.ts) so that the harness' heap (the archive it may have just built) and event
 * loop stay out of the way; by default it is the open-loop generator of open-loop.ts (each
 * request due at its time on the schedule, latency counted from that time), with autocannon's
 * `overallRate` as the alternative to compare with. A warm-up run at the same rate comes first,
 * in the same load process, and is not counted; the server's CPU time is read from /proc around
 * the measured run.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { summarizeLatencies, type LatencySummary } from './latency-summary.ts';
import type { LoadJob, LoadJobResult, LoadMessage } from './load-process.ts';
import { cpuMsOf } from './reader-process.ts';

/** What to load: a name for the report and the paths to cycle through. */
export interface Endpoint {
  name: string;
  paths: string[];
}

/** Options of one load run. */
export interface LoadOptions {
  base: string;
  cookie: string;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  serverPid: number;
  tool: LoadJob['tool'];
  arrivals: LoadJob['arrivals'];
  seed: number;
}

/** What one endpoint did under load. */
export interface EndpointResult {
  name: string;
  tool: LoadJob['tool'];
  paths: number;
  /** Open loop: from each request's due time to the end of its response; autocannon: its per-response time. */
  latencyMs: LatencySummary;
  /** How late the generator started requests (its own timer lateness; part of the latency above), p99. */
  lateStartP99Ms?: number;
  requestsPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerResponse: number;
  /** Server CPU per request (user + system), when /proc is there. */
  serverCpuMsPerRequest?: number;
  /** The load process' own CPU per request. */
  loadCpuMsPerRequest: number;
}

const LOAD_PROCESS = fileURLToPath(new URL('./load-process.ts', import.meta.url));

// Runs the job in a forked load process; `between` runs after its warm-up, before the measured load.
function runJob(job: LoadJob, between: () => Promise<void>): Promise<LoadJobResult> {
  return new Promise((resolve, reject) => {
    const child = fork(LOAD_PROCESS, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: LoadJobResult | undefined;
    child.on('message', (message: LoadMessage) => {
      if (message.kind === 'warm') between().then(() => child.send('go'), reject);
      else result = message.result;
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 && result !== undefined ? resolve(result) : reject(new Error(`load process exited ${code}`)),
    );
    child.send(job);
  });
}

/** Loads `endpoint` at `options.rate` requests/s and returns its latency figures and errors. */
export async function loadEndpoint(options: LoadOptions, endpoint: Endpoint): Promise<EndpointResult> {
  const job: LoadJob = {
    tool: options.tool,
    base: options.base,
    headers: { cookie: options.cookie, accept: 'text/html' },
    paths: endpoint.paths,
    rate: options.rate,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    arrivals: options.arrivals,
    seed: options.seed,
    timeoutMs: 10_000,
    // As many connections as 100 ms of requests: enough that the offered rate holds while responses are slow.
    connections: Math.max(1, Math.ceil(options.rate / 10)),
  };
  let cpuBefore: number | undefined;
  const result = await runJob(job, async () => {
    cpuBefore = await cpuMsOf(options.serverPid);
  });
  const cpuAfter = await cpuMsOf(options.serverPid);
  const completed = result.latenciesMs.length;
  return {
    name: endpoint.name,
    tool: result.tool,
    paths: endpoint.paths.length,
    latencyMs: summarizeLatencies(result.latenciesMs),
    ...(result.lateStartsMs.length === 0 ? {} : { lateStartP99Ms: summarizeLatencies(result.lateStartsMs).p99 }),
    requestsPerSecond: completed / options.seconds,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: completed === 0 ? 0 : Math.round(result.bytes / completed),
    ...(cpuBefore === undefined || cpuAfter === undefined || completed === 0
      ? {}
      : { serverCpuMsPerRequest: (cpuAfter - cpuBefore) / completed }),
    loadCpuMsPerRequest: completed === 0 ? 0 : result.cpuMs / completed,
  };
}
