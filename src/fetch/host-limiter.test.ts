import { describe, expect, it } from 'vitest';
import { createHostLimiter, type HostLimiter } from './host-limiter.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs tasks through the limiter and records start times and the peak concurrency, per host and overall. */
function createProbe(limiter: HostLimiter) {
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  const starts: Array<{ host: string; at: number }> = [];
  let running = 0;
  let peakOverall = 0;
  const run = (host: string, durationMs: number) =>
    limiter.run(`https://${host}/feed.xml`, async () => {
      starts.push({ host, at: performance.now() });
      running++;
      peakOverall = Math.max(peakOverall, running);
      active.set(host, (active.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host)!));
      await sleep(durationMs);
      active.set(host, active.get(host)! - 1);
      running--;
      return host;
    });
  return { run, peak, starts, peakOverall: () => peakOverall };
}

describe('createHostLimiter', () => {
  it('never runs more than perHostConcurrency tasks for one host', async () => {
    const probe = createProbe(createHostLimiter({ perHostConcurrency: 2, perHostSpacingMs: 0 }));
    const results = await Promise.all(Array.from({ length: 8 }, () => probe.run('a.example', 20)));
    expect(results).toEqual(Array(8).fill('a.example'));
    expect(probe.peak.get('a.example')).toBe(2);
  });

  it('spaces the starts of tasks to one host, without delaying other hosts', async () => {
    const probe = createProbe(createHostLimiter({ perHostConcurrency: 4, perHostSpacingMs: 80 }));
    await Promise.all([
      probe.run('a.example', 0),
      probe.run('a.example', 0),
      probe.run('a.example', 0),
      probe.run('b.example', 0),
    ]);
    const a = probe.starts.filter((s) => s.host === 'a.example').map((s) => s.at);
    for (let i = 1; i < a.length; i++) expect(a[i] - a[i - 1]).toBeGreaterThanOrEqual(78);
    const b = probe.starts.find((s) => s.host === 'b.example')!;
    expect(b.at).toBeLessThan(a[1]);
  });

  it('never runs more than globalConcurrency tasks overall', async () => {
    const probe = createProbe(createHostLimiter({ globalConcurrency: 3, perHostConcurrency: 2, perHostSpacingMs: 0 }));
    const hosts = ['a', 'b', 'c', 'd', 'e'].flatMap((h) => [`${h}.example`, `${h}.example`]);
    await Promise.all(hosts.map((host) => probe.run(host, 20)));
    expect(probe.peakOverall()).toBe(3);
    expect(probe.starts).toHaveLength(10);
  });

  it('lets a task for an idle host overtake queued tasks for a busy one', async () => {
    const probe = createProbe(createHostLimiter({ perHostConcurrency: 1, perHostSpacingMs: 0 }));
    const queued = [
      probe.run('a.example', 30),
      probe.run('a.example', 30),
      probe.run('a.example', 30),
      probe.run('b.example', 0),
    ];
    await Promise.all(queued);
    expect(probe.starts.map((s) => s.host).indexOf('b.example')).toBe(1);
  });

  it('passes a task failure to the caller and frees the slot', async () => {
    const limiter = createHostLimiter({ perHostConcurrency: 1, perHostSpacingMs: 0 });
    await expect(limiter.run('https://a.example/', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('https://a.example/', async () => 'next')).resolves.toBe('next');
  });
});
