/**
 * The composition root: turns loaded Settings into the wired Context every command and
 * the web server use: the store (the ONLY place a back end is chosen, via openStore), the
 * shared fetch dispatcher and host limiter, the rule packs (shipped plus the user's), the
 * archive folder and the clock. Nothing below this file reads configuration; they receive
 * values from here.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
// The loader alone, not the clean/ barrel: commands that never clean should not load the cleaner (start-up time).
import { loadRulePacks, SHIPPED_RULES_DIR } from './clean/load-rule-packs.ts';
import type { RulePack } from './clean/index.ts';
import type { Settings } from './config/settings.ts';
import { createFetchDispatcher, createHostLimiter, type ResolveHost } from './fetch/index.ts';
import type { IngestContext } from './ingest/ingest-context.ts';
import { parseAuthor, type ArchiveGitConfig } from './ingest/archive-jobs/archive-git-config.ts';
import { openStore, type Store, type StoreOptions } from './store/index.ts';
import { packageVersion } from './util/package-version.ts';

/** Everything a command or the web server works with. */
export interface Context extends IngestContext {
  readonly settings: Settings;
  readonly dataDir: string;
  /** The package version, for /healthz and logs. */
  readonly version: string;
  /** The rule packs cleaning applies: shipped, then `<data>/rules/` (a user pack replaces a shipped one of the same name). */
  readonly packs: readonly RulePack[];
  /** One message per rule-pack file that could not be used (skipped); commands print them as warnings. */
  readonly rulePackProblems: readonly string[];
  /** Where searches run when not on `store` (serve's search threads, web/search-threads.ts). */
  searcher?: Pick<Store, 'searchArticles'>;
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
  const storeOptions: StoreOptions = { backend: 'sqlite', path: join(dataDir, 'tidings.db') };
  const store = await openStore(storeOptions);
  // Loaded once per process: packs are compiled at load, and a bad file must not stop the others.
  const { packs, problems } = loadRulePacks([SHIPPED_RULES_DIR, join(dataDir, 'rules')]);
  return {
    settings,
    store,
    dispatcher: createFetchDispatcher({
      connectTimeoutMs: settings.connectTimeoutMs,
      resolveHost: options.resolveHost,
    }),
    limiter: createHostLimiter({
      globalConcurrency: settings.concurrency,
      perHostConcurrency: settings.perHostConcurrency,
      perHostSpacingMs: settings.perHostSpacingMs,
    }),
    dataDir,
    storeOptions,
    archiveRoot: join(dataDir, 'archive'),
    now: options.now ?? Date.now,
    version: packageVersion(),
    packs,
    rulePackProblems: problems,
    refreshListeners: new Set(),
    ...(settings.archiveGit ? { archiveGit: archiveGitConfig(settings) } : {}),
  };
}

/** Returns the archive repository's settings as values: author, mirrors, where credentials are. */
export function archiveGitConfig(settings: Settings, env: NodeJS.ProcessEnv = process.env): ArchiveGitConfig {
  return {
    author: parseAuthor(settings.archiveGitAuthor),
    remotes: settings.archiveGitRemotes,
    credentialsFile:
      settings.archiveGitCredentials === ''
        ? join(settings.dataDir, 'git-credentials')
        : resolve(settings.dataDir, settings.archiveGitCredentials),
    env,
  };
}

/** Closes the store and the connection pools; the context must not be used afterwards. */
export async function closeContext(ctx: Context): Promise<void> {
  await Promise.allSettled([ctx.store.close(), ctx.dispatcher.close()]);
}
