/**
 * The load generator's own process (bench/web/load-endpoint.ts forks it), so that making
 * requests and reading responses does not share an event loop, or a heap, with the harness.
 * Over the IPC channel: it receives one job, runs the warm-up (which also warms this process'
 * own code), says `warm`, waits for `go` (the harness reads the server's CPU time in between),
 * runs the measured load and sends the result with its own CPU time for that run.
 * `tool: 'autocannon'` runs autocannon's `overallRate` instead, for a side-by-side comparison
 * with a closed-loop load (bench/README.md, "Why not autocannon").
 */
import autocannon from 'autocannon';
import { runOpenLoop, type OpenLoopOptions, type OpenLoopResult } from './open-loop.ts';

/** One job of the load process. */
export interface LoadJob extends OpenLoopOptions {
  tool: 'open-loop' | 'autocannon';
  warmupSeconds: number;
}

/** What the load process sends back: the measured run and its own CPU milliseconds. */
export interface LoadJobResult extends OpenLoopResult {
  cpuMs: number;
  tool: LoadJob['tool'];
}

/** The messages of the load process: `warm` after the warm-up, then `done`. */
export type LoadMessage = { kind: 'warm' } | { kind: 'done'; result: LoadJobResult };

function runAutocannon(job: LoadJob): Promise<OpenLoopResult> {
  const result: OpenLoopResult = {
    latenciesMs: [],
    lateStartsMs: [],
    sent: 0,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    bytes: 0,
  };
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: new URL(job.paths[0], job.base).href,
        connections: job.connections,
        overallRate: job.rate,
        duration: job.seconds,
        timeout: Math.ceil(job.timeoutMs / 1000),
        headers: job.headers,
        requests: [
          { method: 'GET', setupRequest: (request) => ({ ...request, path: job.paths[next++ % job.paths.length] }) },
        ],
      },
      (error, done) => {
        if (error !== null) return reject(error);
        Object.assign(result, {
          sent: done.requests.total,
          errors: done.errors,
          timeouts: done.timeouts,
          non2xx: done.non2xx,
        });
        resolve(result);
      },
    );
    instance.on('response', (_client, _status, bytes, ms) => {
      result.latenciesMs.push(ms);
      result.bytes += bytes;
    });
  });
}

function run(job: LoadJob): Promise<OpenLoopResult> {
  return job.tool === 'autocannon' ? runAutocannon(job) : runOpenLoop(job);
}

const send = (message: LoadMessage, callback?: () => void) => process.send?.(message, undefined, undefined, callback);

process.once(
  'message',
  (job: LoadJob) =>
    void (async () => {
      if (job.warmupSeconds > 0) await run({ ...job, seconds: job.warmupSeconds });
      const go = new Promise((resolve) => process.once('message', resolve));
      send({ kind: 'warm' });
      await go;
      const started = process.cpuUsage();
      const result = await run(job);
      const cpu = process.cpuUsage(started);
      send({ kind: 'done', result: { ...result, cpuMs: (cpu.user + cpu.system) / 1000, tool: job.tool } }, () =>
        process.disconnect(),
      );
    })(),
);
