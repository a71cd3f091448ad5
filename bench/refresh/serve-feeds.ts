/**
 * The feed server as its own process (started by feed-server-process.ts): generates the feed
 * set, listens on 127.0.0.1 on a free port, and prints one JSON line describing itself. A
 * separate process keeps the server's CPU and memory out of the measured tool's process while
 * it shares the machine equally with both tools. It exits when its stdin closes, so it never
 * outlives the benchmark.
 *
 * `node --import tsx bench/refresh/serve-feeds.ts --feeds N --items M --seed S`
 */
import { readNumberOption } from '../parse/generate-corpus.ts';
import { generateFeedSet } from './feed-set.ts';
import { createFeedServer } from './feed-server.ts';

/** The line the server prints once it listens. */
export interface ServerReady {
  port: number;
  feeds: number;
  itemsPerFeed: number;
  churnFeeds: number;
  churnItems: number;
  totalBytes: number;
  mix: Record<string, number>;
  generateMs: number;
}

const argv = process.argv.slice(2);
const started = performance.now();
const set = generateFeedSet({
  feeds: Math.round(readNumberOption(argv, 'feeds', 1000)),
  items: Math.round(readNumberOption(argv, 'items', 50)),
  seed: readNumberOption(argv, 'seed', 20240601),
});
const generateMs = performance.now() - started;
const server = createFeedServer(set);
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const ready: ServerReady = {
    port,
    feeds: set.feeds.length,
    itemsPerFeed: set.itemsPerFeed,
    churnFeeds: set.churnFeeds,
    churnItems: set.churnItems,
    totalBytes: set.totalBytes,
    mix: set.mix,
    generateMs,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
