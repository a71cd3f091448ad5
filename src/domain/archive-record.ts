/**
 * The portable record of one article revision: what the plain-file archive keeps beside each
 * article file and what the store exports and imports (docs/archive-format.md "A folder of
 * articles"). It lives in domain/ because both the store and the archive speak it and
 * neither may import the other. The article key and file-name rules are here too: they are
 * permanent names (`000_b016ae68f5e95a47.txt`), not a detail of either side.
 */
import { createHash } from 'node:crypto';
import type { Category, Enclosure, Person } from './parsed-feed.ts';

/** A feed's own metadata, kept in the folder's `feed.json`. */
export interface ArchiveFeed {
  url: string;
  title?: string;
  siteUrl?: string;
  category?: string;
}

/** One article revision: an `index.jsonl` line. A later line for the same `file` supersedes earlier ones. */
export interface ArchiveRecord {
  /** The article file's name, `NNN_KEY.txt`; always `articleFileNameForKey(key, revision)`. */
  file: string;
  /** 16 hex digits; `articleKey(identity)` for articles the store wrote, the file's own key for imported bare files. */
  key: string;
  /** The store's identity key of the article (the same for all its revisions). */
  identity: string;
  /** 0 for the first version. */
  revision: number;
  feedUrl: string;
  /** The feed's title when this revision was written. */
  feedTitle?: string;
  guid?: string;
  link?: string;
  title: string;
  authors: Person[];
  categories: Category[];
  enclosures: Enclosure[];
  publishedAt?: number;
  updatedAt?: number;
  /** When the archive first saw this revision. */
  seenAt: number;
  /** When the archive first saw the article, when earlier than `seenAt` (revisions after the first). */
  firstSeenAt?: number;
  /** The store's content fingerprint used to compare revisions. */
  fingerprint?: string;
  /** Which body the article file holds: the cleaned one (default) or the one as received. */
  fileBody: 'cleaned' | 'raw';
  rawBody: string;
  cleanedBody?: string;
}

/** Something that could not be read or written, by path relative to the archive root. */
export interface ArchiveProblem {
  file: string;
  reason: string;
}

/** Returns the 16-hex-digit key of an article identity key (first 64 bits of its sha256). */
export function articleKey(identityKey: string): string {
  return createHash('sha256').update(identityKey, 'utf8').digest('hex').slice(0, 16);
}

/** Returns the file name for an already-computed 16-hex-digit key; throws RangeError for a bad key or revision. */
export function articleFileNameForKey(key: string, revision: number): string {
  if (!/^[0-9a-f]{16}$/.test(key)) throw new RangeError(`article key must be 16 lowercase hex digits, got ${key}`);
  if (!Number.isSafeInteger(revision) || revision < 0)
    throw new RangeError(`revision must be a non-negative integer, got ${revision}`);
  return `${String(revision).padStart(3, '0')}_${key}.txt`;
}

/** Orders records by revision, then key: the canonical order of an exported index and of read records. */
export function compareRecords(a: ArchiveRecord, b: ArchiveRecord): number {
  return a.revision - b.revision || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Returns why a record breaks the archive's rules, or undefined when it is sound. */
export function checkRecord(r: ArchiveRecord): string | undefined {
  if (!/^[0-9a-f]{16}$/.test(r.key)) return `key is not 16 hex digits: ${r.key}`;
  if (!Number.isSafeInteger(r.revision) || r.revision < 0)
    return `revision is not a non-negative integer: ${r.revision}`;
  if (r.file !== articleFileNameForKey(r.key, r.revision)) return `file ${r.file} does not match key and revision`;
  if (r.identity === '') return 'identity is empty';
  if (r.feedUrl === '') return 'feedUrl is empty';
  for (const name of ['publishedAt', 'updatedAt', 'seenAt', 'firstSeenAt'] as const) {
    const time = r[name];
    if (time !== undefined && !Number.isSafeInteger(time)) return `${name} is not an integer of epoch ms`;
  }
  if (r.seenAt < 0 || (r.firstSeenAt ?? 0) < 0) return 'seenAt/firstSeenAt before 1970';
  if (r.fileBody === 'cleaned' && r.cleanedBody === undefined)
    return 'fileBody is "cleaned" but there is no cleanedBody';
  return undefined;
}
