/**
 * Runs Debian's newsboat on the benchmark's feeds, the way its users refresh unattended:
 * `newsboat -x reload` with its own urls file, cache and config in a fresh directory (HOME too,
 * so nothing of the machine's ~/.newsboat is read). The config keeps every item, names the
 * reload threads, retries once, and sets no hooks. Articles are counted in its SQLite cache
 * (table rss_item) with better-sqlite3, read-only, between runs.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { TimedCommand } from '../lib/run-timed.ts';

/** Where newsboat is expected (Debian's package). */
export const NEWSBOAT = '/usr/bin/newsboat';

/** A prepared newsboat profile: its directory and files. */
export interface NewsboatProfile {
  dir: string;
  cacheFile: string;
  /** The config lines, for the report. */
  config: string[];
}

/** Returns why newsboat cannot run here, or undefined when it can. */
export function findNewsboatProblem(): string | undefined {
  return existsSync(NEWSBOAT) ? undefined : `${NEWSBOAT} not installed (apt-get install newsboat)`;
}

/** Returns the config for a fair unattended reload with `reloadThreads` parallel downloads. */
export function writeNewsboatConfig(reloadThreads: number): string[] {
  return ['max-items 0', `reload-threads ${reloadThreads}`, 'download-retries 1', 'download-timeout 120'];
}

/** Creates `dir` with the urls file and config for `feedUrls`, and returns the profile. */
export async function prepareNewsboat(
  dir: string,
  feedUrls: string[],
  reloadThreads: number,
): Promise<NewsboatProfile> {
  await mkdir(path.join(dir, 'home'), { recursive: true });
  const config = writeNewsboatConfig(reloadThreads);
  await writeFile(path.join(dir, 'urls'), `${feedUrls.join('\n')}\n`);
  await writeFile(path.join(dir, 'config'), `${config.join('\n')}\n`);
  return { dir, cacheFile: path.join(dir, 'cache.db'), config };
}

/**
 * Returns the command for one unattended reload of every feed in `profile`, or, for `load`,
 * the command that only opens the cache and prints the unread count (`-x print-unread`): the
 * start-up cost every reload pays, which grows with the cache.
 */
export function newsboatCommand(profile: NewsboatProfile, action: 'reload' | 'load' = 'reload'): TimedCommand {
  const { dir } = profile;
  return {
    command: NEWSBOAT,
    args: [
      '-q',
      '-x',
      action === 'load' ? 'print-unread' : 'reload',
      '-u',
      path.join(dir, 'urls'),
      '-c',
      profile.cacheFile,
      '-C',
      path.join(dir, 'config'),
    ],
    cwd: dir,
    env: {
      HOME: path.join(dir, 'home'),
      XDG_CONFIG_HOME: path.join(dir, 'home'),
      XDG_DATA_HOME: path.join(dir, 'home'),
    },
  };
}

/** Returns the number of articles in newsboat's cache (0 before its first run). */
export function countNewsboatArticles(profile: NewsboatProfile): number {
  if (!existsSync(profile.cacheFile)) return 0;
  const db = new Database(profile.cacheFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM rss_item').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
