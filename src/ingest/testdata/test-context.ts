/**
 * Test helpers: an IngestContext over a temporary data folder (SQLite file + archive
 * folder), allowed to fetch from 127.0.0.1 (the fixture server), with no per-host spacing
 * and a short fetch timeout, and a clock tests can move.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createFetchDispatcher, createHostLimiter } from '../../fetch/index.ts';
import { openStore } from '../../store/index.ts';
import type { IngestContext, IngestSettings } from '../ingest-context.ts';

/** An IngestContext plus its folder, a movable clock and cleanup. */
export interface TestContext extends IngestContext {
  dir: string;
  /** The SQLite file of `store`; `storeOptions` stays unset, so the archive is written on the test's own thread. */
  dbPath: string;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** Settings for tests: private networks allowed, no spacing, 1.5 s fetch timeout. */
export const TEST_SETTINGS: IngestSettings = {
  allowPrivateNetworks: true,
  concurrency: 8,
  perHostConcurrency: 4,
  perHostSpacingMs: 0,
  fetchTimeoutMs: 1500,
  maxBodyBytes: 1024 * 1024,
  userAgent: 'Tidings-test',
  minCheckIntervalSeconds: 900,
  maxCheckIntervalSeconds: 86_400,
  defaultCheckIntervalSeconds: 3600,
  errorBackoffSeconds: 300,
  maxErrorBackoffSeconds: 86_400,
  archiveBody: 'cleaned',
};

/** Returns a fresh context in a new temporary folder (or in `dir` when given, to reopen one). */
export async function createTestContext(
  options: { dir?: string; settings?: Partial<IngestSettings> } = {},
): Promise<TestContext> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'tidings-ingest-')));
  const dbPath = join(dir, 'tidings.db');
  const dispatcher = createFetchDispatcher();
  const settings = { ...TEST_SETTINGS, ...options.settings };
  let time = Date.now();
  const ctx: TestContext = {
    store: await openStore({ backend: 'sqlite', path: dbPath }),
    settings,
    dispatcher,
    limiter: createHostLimiter({
      globalConcurrency: settings.concurrency,
      perHostConcurrency: settings.perHostConcurrency,
      perHostSpacingMs: 0,
    }),
    archiveRoot: join(dir, 'archive'),
    dbPath,
    now: () => time,
    dir,
    advance: (ms) => {
      time += ms;
    },
    close: async () => {
      await ctx.store.close();
      await dispatcher.close();
    },
  };
  return ctx;
}

/** Removes a test folder. */
export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Returns every file under `root` as relative path → bytes (hidden temp files excluded), for byte-for-byte comparisons. */
export async function readTree(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path), await readFile(path));
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
