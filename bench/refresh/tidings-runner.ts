/**
 * Runs Tidings on the benchmark's feeds as a user would: a fresh data dir, every feed
 * subscribed without fetching (`tidings import opml`, untimed), then `tidings fetch` once per
 * round. All feeds share one host (127.0.0.1), so the per-host politeness defaults (2 at once,
 * 250 ms apart) would serialize a round: the runner sets what a user serving many feeds from
 * one host would set, with as many fetches at once as newsboat gets reload threads. Articles
 * are counted in the data dir's SQLite database (table `articles`), read-only, between runs,
 * the same way newsboat's cache is counted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { TimedCommand } from '../lib/run-timed.ts';
import { escapeXml } from '../parse/feed-xml.ts';

/** A prepared Tidings data dir and the settings its fetches run with. */
export interface TidingsProfile {
  dataDir: string;
  env: Record<string, string>;
}

// TIDINGS_ROOT points the benchmark at another checkout's build, as in bench:parse.
const ROOT = process.env.TIDINGS_ROOT
  ? `${process.env.TIDINGS_ROOT.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}bin/tidings.js`;

/** Returns why Tidings cannot run here (no build, or a build without `import` and `fetch`), or undefined when it can. */
export function findTidingsProblem(): string | undefined {
  if (!existsSync(`${ROOT}dist/cli/main.js`)) return `${ROOT}dist/cli/main.js missing (run npm run build)`;
  const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout ?? '';
  const missing = ['import', 'fetch'].filter((name) => !new RegExp(`^\\s+${name}\\b`, 'm').test(help));
  return missing.length > 0
    ? `this build of tidings has no ${missing.join(' or ')} command (run npm run build)`
    : undefined;
}

/** Returns the environment for fetching from one local host with `concurrency` fetches at once. */
export function describeTidingsEnv(concurrency: number): Record<string, string> {
  return {
    TIDINGS_ALLOW_PRIVATE_NETWORKS: '1',
    TIDINGS_CONCURRENCY: String(concurrency),
    TIDINGS_PER_HOST_CONCURRENCY: String(concurrency),
    TIDINGS_PER_HOST_SPACING_MS: '0',
  };
}

/** Returns an OPML 2.0 document subscribing to every URL in `feedUrls`. */
export function writeOpml(feedUrls: string[]): string {
  const outlines = feedUrls.map(
    (url, i) => `    <outline type="rss" text="Feed ${i + 1}" xmlUrl="${escapeXml(url)}" />`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head><title>bench:refresh</title></head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/** Returns the command `tidings --data DIR ...args` with the profile's settings. */
function tidingsCommand(profile: TidingsProfile, args: string[]): TimedCommand {
  return { command: process.execPath, args: [BIN, '--data', profile.dataDir, ...args], cwd: ROOT, env: profile.env };
}

/** Creates the data dir and the OPML file, and returns the profile plus the (untimed) import command. */
export async function prepareTidings(
  dir: string,
  feedUrls: string[],
  concurrency: number,
): Promise<{ profile: TidingsProfile; importCommand: TimedCommand }> {
  const dataDir = path.join(dir, 'data');
  await mkdir(dataDir, { recursive: true });
  const opml = path.join(dir, 'feeds.opml');
  await writeFile(opml, writeOpml(feedUrls));
  const profile = { dataDir, env: describeTidingsEnv(concurrency) };
  return { profile, importCommand: tidingsCommand(profile, ['import', 'opml', opml]) };
}

/** Returns the command for one refresh of every subscribed feed. */
export function fetchCommand(profile: TidingsProfile): TimedCommand {
  return tidingsCommand(profile, ['fetch']);
}

/** Returns the number of articles in the data dir's database (0 before the first fetch). */
export function countTidingsArticles(profile: TidingsProfile): number {
  const file = path.join(profile.dataDir, 'tidings.db');
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
