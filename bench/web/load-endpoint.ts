/**
 * One endpoint under a fixed request rate: autocannon's `overallRate` spreads `rate`
 * requests per second over rate / 10 keep-alive connections for `seconds`, each request taking
 * the next path of the endpoint's list in turn (different articles, different queries).
 * A short warm-up at the same rate runs first and is not counted. Latencies are the
 * response times autocannon reports per request, summarized here (it has no p95 itself).
 */
import autocannon, { type AutocannonResult } from 'autocannon';
import { summarizeLatencies, type LatencySummary } from './latency-summary.ts';
import { cpuMsOf } from './reader-process.ts';

/** What to load: a name for the report and the paths to cycle through. */
export interface Endpoint { name: string; paths: string[] }

/** Options of one load run. */
export interface LoadOptions { base: string; cookie: string; rate: number; seconds: number; warmupSeconds: number; serverPid: number }

/** What one endpoint did under load. */
export interface EndpointResult {
  name: string;
  paths: number;
  latencyMs: LatencySummary;
  /** autocannon's own p99, corrected for coordinated omission. */
  correctedP99Ms: number;
  requestsPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Server CPU per request (user + system), when /proc is there. */
  serverCpuMsPerRequest?: number;
}

function fire(options: LoadOptions, endpoint: Endpoint, seconds: number, onLatency?: (ms: number, status: number) => void): Promise<AutocannonResult> {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: new URL(endpoint.paths[0], options.base).href,
      // Enough connections that the offered rate holds while responses take up to 100 ms (each connection sends at rate / connections).
      connections: Math.max(1, Math.ceil(options.rate / 10)),
      overallRate: options.rate,
      duration: seconds,
      timeout: 10,
      headers: { cookie: options.cookie, accept: 'text/html' },
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: endpoint.paths[next++ % endpoint.paths.length] }) }],
    }, (error, result) => (error === null ? resolve(result) : reject(error)));
    if (onLatency !== undefined) instance.on('response', (_client, status, _bytes, ms) => onLatency(ms, status));
  });
}

/** Loads `endpoint` at `options.rate` requests/s and returns its latency figures and errors. */
export async function loadEndpoint(options: LoadOptions, endpoint: Endpoint): Promise<EndpointResult> {
  if (options.warmupSeconds > 0) await fire(options, endpoint, options.warmupSeconds);
  const samples: number[] = [];
  const cpuBefore = await cpuMsOf(options.serverPid);
  const result = await fire(options, endpoint, options.seconds, (ms) => samples.push(ms));
  const cpuAfter = await cpuMsOf(options.serverPid);
  return {
    name: endpoint.name,
    paths: endpoint.paths.length,
    latencyMs: summarizeLatencies(samples),
    correctedP99Ms: result.latency.p99,
    requestsPerSecond: result.requests.total / options.seconds,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ...(cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
      ? {} : { serverCpuMsPerRequest: (cpuAfter - cpuBefore) / result.requests.total }),
  };
}
