/**
 * Test helpers: deterministic generated feeds and records with awkward content (Chinese,
 * brackets, backslashes, line breaks, U+2028, parentheses in urls, empty urls), and a
 * byte-level snapshot of a folder tree for byte-identity checks.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildArchiveRecord, type ArchiveFeed, type ArchiveRecord } from '../serialize-sidecars.ts';

/** Returns a small seeded random function: `random(n)` is an integer in [0, n). */
export function createRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const TITLES = [
  '美国称中国在习近平誓言加强威慑后抵制核谈判',
  'a [b] \\c',
  'line\nbreak\r\nhere',
  'sep\u2028x',
  '](',
  'plain',
];
const URLS = [
  'https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/x',
  'https://en.wikipedia.org/wiki/Foo_(bar)',
  '',
  'https://a.org/a b<c>',
];
const BODIES = [
  '<p>中文</p>',
  '\n<p>starts with a break</p>\n',
  '',
  '<p>a\r\nb</p>',
  '<p>\u2028</p>',
  '<div>------</div>',
];

/** Returns a record for revision `revision` of article `identity` in `feed`, filled from `random`. */
export function sampleRecord(
  feed: ArchiveFeed,
  identity: string,
  revision: number,
  random: (n: number) => number,
): ArchiveRecord {
  const pick = <T>(list: T[]) => list[random(list.length)];
  const cleaned = random(3) > 0;
  const published = random(4) > 0 ? 1_667_393_102_000 + random(1e9) : undefined;
  return buildArchiveRecord({
    identity,
    revision,
    feedUrl: feed.url,
    feedTitle: feed.title,
    guid: random(2) === 0 ? identity : undefined,
    link: pick(URLS) || undefined,
    title: `${pick(TITLES)} ${revision}`,
    authors: random(2) === 0 ? [{ name: '记者', email: 'a@b.c' }] : [],
    categories: random(2) === 0 ? [{ term: '中国', scheme: 'https://s/' }, { term: 'x' }] : [],
    enclosures: random(3) === 0 ? [{ url: 'https://a.org/a.mp3', type: 'audio/mpeg', length: 123 }] : [],
    publishedAt: published,
    updatedAt: random(2) === 0 ? 1_700_000_000_000 + revision : undefined,
    seenAt: 1_700_000_000_000 + revision * 3_600_000,
    firstSeenAt: revision > 0 ? 1_700_000_000_000 : undefined,
    fingerprint: random(2) === 0 ? `fp-${identity}-${revision}` : undefined,
    fileBody: cleaned ? 'cleaned' : 'raw',
    rawBody: `${pick(BODIES)}<br><hr><div>获取更多RSS</div>`,
    cleanedBody: cleaned ? pick(BODIES) : undefined,
  });
}

/** Returns `count` generated feeds, each with a few articles of one to three revisions. */
export function sampleFeeds(count: number, seed: number): Array<{ feed: ArchiveFeed; records: ArchiveRecord[] }> {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, f) => {
    const feed: ArchiveFeed = {
      url: `https://feed${f}.example.org/rss?x=(${f})`,
      title: `Feed ${f} 新闻`,
      siteUrl: `https://feed${f}.example.org/`,
    };
    if (f % 2 === 0) feed.category = '国际';
    const records: ArchiveRecord[] = [];
    for (let a = 0; a < 4 + random(4); a++) {
      for (let r = 0; r <= random(3); r++) records.push(sampleRecord(feed, `guid:${f}/${a}`, r, random));
    }
    return { feed, records };
  });
}

/** Returns every file under `root` (relative path → bytes, as base64), hidden names included. */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(root.length + 1)] = (await readFile(path)).toString('base64');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}
