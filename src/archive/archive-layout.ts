/**
 * Where things live in an archive folder: one folder per feed named by a stable slug of
 * the feed URL (not its title, so renaming a feed moves nothing), article revision files
 * `NNN_KKKKKKKKKKKKKKKK.txt` (revision, then 16 hex digits of sha256 of the article's
 * identity key, as in testdata/000_b016ae68f5e95a47.txt), and two sidecars per feed
 * folder: `feed.json` and the append-only `index.jsonl`. Pure names, no I/O.
 */
import { createHash } from 'node:crypto';
import { articleFileNameForKey, articleKey } from '../domain/archive-record.ts';

export { articleFileNameForKey, articleKey } from '../domain/archive-record.ts';

/** The per-folder JSON Lines index: one record per article revision file. */
export const INDEX_FILE = 'index.jsonl';

/** The per-folder feed metadata file. */
export const FEED_FILE = 'feed.json';

const FILE_NAME = /^(\d{3,})_([0-9a-f]{16})\.txt$/;

/** Returns the file name of revision `revision` (0 = first version) of the article with this identity key. */
export function articleFileName(identityKey: string, revision: number): string {
  return articleFileNameForKey(articleKey(identityKey), revision);
}

/** Returns the revision and key of a canonical article file name, or undefined for any other name. */
export function parseArticleFileName(name: string): { revision: number; key: string } | undefined {
  const match = FILE_NAME.exec(name);
  if (match === null) return undefined;
  const revision = Number(match[1]);
  if (!Number.isSafeInteger(revision) || String(revision).padStart(3, '0') !== match[1]) return undefined;
  return { revision, key: match[2] };
}

/** Returns the feed's folder name: its host (path for host-less URLs) plus 8 hex digits of sha256 of the whole URL, e.g. `www.rfi.fr-1a2b3c4d`. */
export function feedFolderName(feedUrl: string): string {
  const hash = createHash('sha256').update(feedUrl, 'utf8').digest('hex').slice(0, 8);
  return `${slugOfHost(feedUrl)}-${hash}`;
}

// A URL without a host (the `archive:NAME` feeds that bare folders import as) uses its path.
function slugOfHost(feedUrl: string): string {
  let source = '';
  try {
    const url = new URL(feedUrl);
    source = url.hostname === '' ? decodeURIComponent(url.pathname) : url.hostname;
  } catch {
    source = '';
  }
  const slug = source
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100);
  return slug === '' ? 'feed' : slug;
}
