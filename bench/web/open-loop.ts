/**
 * An open-loop load generator (wrk2's model): request i is due at start + i / rate (or, with
 * Poisson arrivals, at seeded exponential gaps of mean 1 / rate), whatever happened to the
 * requests before it, over a pool of keep-alive connections (node:http's Agent). Latency is
 * counted from the moment a request was DUE, not from when it was written, so a server stall
 * that holds up later requests shows in their latency (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: autocannon 9 limits each connection to rate / connections
 * requests per second and otherwise runs it closed-loop, so every connection fires its share
 * back to back at the top of each second and then waits (httpClient.js `reqsMadeThisSecond`).
 * At 200 requests/s over 20 connections that is 20 requests queued at once, every second, so a
 * page waits about twenty times its own cost: the harness measures its own bursts (bench/README.md,
 * `npm run bench:web`).
 */
import http from 'node:http';
import { createPrng } from '../lib/prng.ts';

/** Options of one open-loop run. */
export interface OpenLoopOptions {
  base: string;
  headers: Record<string, string>;
  /** Paths requested in turn. */
  paths: readonly string[];
  rate: number;
  seconds: number;
  /** Keep-alive connections at most (a request due while all are busy waits, and that wait counts). */
  connections: number;
  arrivals: 'uniform' | 'poisson';
  seed: number;
  timeoutMs: number;
}

/** What one run saw. */
export interface OpenLoopResult {
  /** Per completed request: milliseconds from its due time to the end of its response. */
  latenciesMs: number[];
  /** Per request: how late the generator itself started it (timer lateness), milliseconds. */
  lateStartsMs: number[];
  sent: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytes: number;
}

/** Returns the due times (ms from the start) of the run's requests. */
export function dueTimes(rate: number, seconds: number, arrivals: OpenLoopOptions['arrivals'], seed: number): number[] {
  const times: number[] = [];
  const gap = 1000 / rate;
  if (arrivals === 'uniform') {
    for (let i = 0; i * gap < seconds * 1000; i++) times.push(i * gap);
    return times;
  }
  const prng = createPrng(seed);
  for (let at = 0; at < seconds * 1000; at += -Math.log(1 - prng.next()) * gap) times.push(at);
  return times;
}

/** Runs the load and resolves once every request has ended (answered, failed or timed out). */
export function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const due = dueTimes(options.rate, options.seconds, options.arrivals, options.seed);
  const result: OpenLoopResult = {
    latenciesMs: [],
    lateStartsMs: [],
    sent: 0,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    bytes: 0,
  };
  const url = new URL(options.base);
  let ended = 0;
  return new Promise((resolve) => {
    const finish = () => {
      if (++ended < due.length) return;
      agent.destroy();
      resolve(result);
    };
    const send = (index: number, dueAt: number) => {
      result.sent++;
      let done = false;
      const end = (outcome: 'ok' | 'error' | 'timeout') => {
        if (done) return;
        done = true;
        if (outcome === 'ok') result.latenciesMs.push(performance.now() - dueAt);
        else if (outcome === 'error') result.errors++;
        else result.timeouts++;
        finish();
      };
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'GET',
          headers: options.headers,
          path: options.paths[index % options.paths.length],
        },
        (response) => {
          if (response.statusCode === undefined || response.statusCode < 200 || response.statusCode > 299)
            result.non2xx++;
          response.on('data', (chunk: Buffer) => void (result.bytes += chunk.length));
          response.on('end', () => end('ok'));
          response.on('error', () => end('error'));
        },
      );
      request.setTimeout(options.timeoutMs, () => {
        end('timeout');
        request.destroy();
      });
      request.on('error', () => end('error'));
      request.end();
    };
    const start = performance.now();
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < due.length && start + due[next] <= now) {
        result.lateStartsMs.push(now - (start + due[next]));
        send(next, start + due[next]);
        next++;
      }
      if (next < due.length) setTimeout(tick, Math.max(0, start + due[next] - performance.now()));
    };
    if (due.length === 0) resolve(result);
    else tick();
  });
}
