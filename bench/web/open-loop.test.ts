import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueTimes, runOpenLoop } from './open-loop.ts';

let server: http.Server;
let base: string;
const seen: string[] = [];
let open = 0;
let mostOpen = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(`${request.url} ${request.headers.cookie}`);
    mostOpen = Math.max(mostOpen, ++open);
    // A slow answer: requests keep coming on schedule while earlier ones are still being answered.
    setTimeout(() => {
      open--;
      response.writeHead(request.url === '/missing' ? 404 : 200).end('x'.repeat(100));
    }, 30);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('dueTimes', () => {
  it('spaces requests evenly, or at random gaps of the same mean', () => {
    expect(dueTimes(200, 1, 'uniform', 1)).toEqual(Array.from({ length: 200 }, (_, i) => i * 5));
    const poisson = dueTimes(200, 10, 'poisson', 1);
    expect(poisson.length).toBeGreaterThan(1800);
    expect(poisson.length).toBeLessThan(2200);
    expect(new Set(poisson.slice(1).map((t, i) => Math.round(t - poisson[i]))).size).toBeGreaterThan(5);
    expect(dueTimes(200, 10, 'poisson', 1)).toEqual(poisson);
  });
});

describe('runOpenLoop', () => {
  it('sends every request of the schedule without waiting for the answers, cycling through the paths', async () => {
    const result = await runOpenLoop({
      base,
      headers: { cookie: 'a=1' },
      paths: ['/one', '/two', '/missing'],
      rate: 100,
      seconds: 0.6,
      connections: 10,
      arrivals: 'uniform',
      seed: 1,
      timeoutMs: 5000,
    });
    expect(result.sent).toBe(60);
    expect(result.latenciesMs).toHaveLength(60);
    expect(result.non2xx).toBe(20);
    expect(result.errors + result.timeouts).toBe(0);
    expect(result.bytes).toBe(6000);
    expect(Math.min(...result.latenciesMs)).toBeGreaterThanOrEqual(29);
    // Answers take 30 ms and a request is due every 10 ms: several were open at once (a closed loop would keep one).
    expect(mostOpen).toBeGreaterThan(1);
    expect(seen.filter((line) => line === '/two a=1')).toHaveLength(20);
  });
});
