/**
 * The web benchmark's archive: `count` generated articles (the search benchmark's mixed
 * Chinese and English generator and its build, `recordEntries` in batches of one feed
 * document, in this process), then a reader account made the way an admin makes one
 * (`tidings user add --admin --password-stdin`): the first user follows every feed already
 * there. Every feed's next check is moved a year ahead so the scheduler of `tidings serve`
 * does not try to fetch the made-up feed URLs while requests are being timed.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { buildArchive, type BuildResult } from '../search/build-archive.ts';

/** The reader account the benchmark logs in with. */
export const BENCH_USER = { name: 'bench', password: 'bench-password-1' };

const YEAR_MS = 365 * 86_400_000;

/** Runs `node bin/tidings.js --data DATA ARGS…` with `input` on stdin; rejects on a non-zero exit. */
export function runTidings(root: string, data: string, args: string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/tidings.js'), '--data', data, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`tidings ${args.join(' ')} exited ${code}: ${err.trim()}`)),
    );
    child.stdin.end(input);
  });
}

/** Builds a fresh archive of `count` articles in `data` (emptied first) with the bench user; returns the build figures. */
export async function buildWebArchive(
  root: string,
  data: string,
  count: number,
  seed: number,
  log: (line: string) => void,
): Promise<BuildResult> {
  await rm(data, { recursive: true, force: true });
  await mkdir(data, { recursive: true });
  const store = await openStore({ backend: 'sqlite', path: join(data, 'tidings.db') });
  let build: BuildResult;
  try {
    build = await buildArchive(store, count, seed, log);
    const later = Date.now() + YEAR_MS;
    for (const feed of await store.listFeeds()) await store.updateFeed(feed.id, { nextCheckAt: later });
  } finally {
    await store.close();
  }
  await runTidings(
    root,
    data,
    ['user', 'add', BENCH_USER.name, '--admin', '--password-stdin'],
    `${BENCH_USER.password}\n`,
  );
  return build;
}
