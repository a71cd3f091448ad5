/**
 * The composition root: turns loaded Settings into the wired Context every command and
 * the web server use: the store (the ONLY place a back end is chosen, via openStore), the
 * shared fetch dispatcher and host limiter, the archive folder and the clock. Nothing
 * below this file reads configuration; they receive values from here.
 */
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from './config/settings.ts';
import { createFetchDispatcher, createHostLimiter, type ResolveHost } from './fetch/index.ts';
import type { IngestContext } from './ingest/ingest-context.ts';
import { openStore, type Store } from './store/index.ts';

/** Everything a command or the web server works with. */
export interface Context extends IngestContext {
  readonly settings: Settings;
  readonly dataDir: string;
  /** The package version, for /healthz and logs. */
  readonly version: string;
}

/** Test seams for createContext. */
export interface CreateContextOptions {
  /** The clock; default Date.now. */
  now?: () => number;
  /** Host resolution for the fetcher; default DNS. */
  resolveHost?: ResolveHost;
}

/** Returns the wired context, creating the data dir; throws AppError `store.failed` when the database cannot be opened. */
export async function createContext(settings: Settings, options: CreateContextOptions = {}): Promise<Context> {
  const dataDir = settings.dataDir;
  await mkdir(dataDir, { recursive: true });
  const openStoreAt = (path: string): Promise<Store> => openStore({ backend: 'sqlite', path });
  const dbPath = join(dataDir, 'tidings.db');
  const store = await openStoreAt(dbPath);
  return {
    settings,
    store,
    dispatcher: createFetchDispatcher({ connectTimeoutMs: settings.connectTimeoutMs, resolveHost: options.resolveHost }),
    limiter: createHostLimiter({
      globalConcurrency: settings.concurrency,
      perHostConcurrency: settings.perHostConcurrency,
      perHostSpacingMs: settings.perHostSpacingMs,
    }),
    dataDir,
    dbPath,
    archiveRoot: join(dataDir, 'archive'),
    now: options.now ?? Date.now,
    version: packageVersion(),
    openStoreAt,
  };
}

/** Closes the store and the connection pools; the context must not be used afterwards. */
export async function closeContext(ctx: Context): Promise<void> {
  await Promise.allSettled([ctx.store.close(), ctx.dispatcher.close()]);
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
