/**
 * Starts serve-feeds.ts as a child process and talks to it: waits for its ready line, builds
 * feed URLs, and calls its control endpoints (churn, reset, stats). The child runs under
 * `node --import tsx` (one process, no wrapper) and is stopped by closing its stdin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ChurnResult, ServerStats } from './feed-server.ts';
import type { ServerReady } from './serve-feeds.ts';

/** A running feed server. */
export interface FeedServerHandle {
  info: ServerReady;
  /** The URL of every feed, in order. */
  feedUrls: string[];
  /** Gives 10 % of the feeds new items. */
  churn(): Promise<ChurnResult>;
  /** Puts every feed back to its first version. */
  reset(): Promise<void>;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./serve-feeds.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Returns the ready line of `child`, or rejects when it exits first. */
function waitForReady(child: ChildProcess): Promise<ServerReady> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(JSON.parse(line) as ServerReady));
    child.once('exit', (code) => reject(new Error(`feed server exited (${code}): ${stderr.trim()}`)));
  });
}

/** Returns the difference of two counter readings (later minus earlier). */
export function diffStats(later: ServerStats, earlier: ServerStats): ServerStats {
  const out = { ...later };
  for (const key of Object.keys(out) as (keyof ServerStats)[]) out[key] = later[key] - earlier[key];
  return out;
}

/** Starts a feed server of `feeds` × `items` and returns once it listens. */
export async function startFeedServer(options: {
  feeds: number;
  items: number;
  seed: number;
}): Promise<FeedServerHandle> {
  const args = [
    '--import',
    'tsx',
    SCRIPT,
    '--feeds',
    String(options.feeds),
    '--items',
    String(options.items),
    '--seed',
    String(options.seed),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const info = await waitForReady(child);
  const base = `http://127.0.0.1:${info.port}`;
  const call = async <T>(method: string, path: string): Promise<T> => {
    const res = await fetch(base + path, { method });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    info,
    feedUrls: Array.from({ length: info.feeds }, (_, i) => `${base}/feeds/${String(i + 1).padStart(4, '0')}.xml`),
    churn: () => call<ChurnResult>('POST', '/control/churn'),
    reset: async () => {
      await call('POST', '/control/reset');
    },
    stats: () => call<ServerStats>('GET', '/control/stats'),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin?.end();
      }),
  };
}
