/**
 * Which rule packs apply to one article: by the feed URL's host, the article URL's host, the
 * feed's generator, or a literal marker in the raw HTML. A host condition matches the host
 * itself and its subdomains (`feedx.net` matches `www.feedx.net`), never a look-alike
 * (`notfeedx.net`).
 *
 * Speed (this runs per article, and showed in a cold refresh round's cleaning: bench/README.md,
 * "Cleaning: choosing rule packs per article"): what depends only on the feed (feed host, generator, `any`) is worked out once per pack list, feed URL and
 * generator and remembered; per article only the article host and body markers are tested, and
 * the article URL is parsed only when its text could hold a wanted host (see mayHaveHost).
 */
import type { CssSelector } from './css-selector.ts';
import type { RulePack } from './rule-pack.ts';

/** What an article offers for matching. */
export interface PackMatchInput {
  feedUrl?: string;
  itemUrl?: string;
  generator?: string;
  /** The raw article HTML (for `bodyContains`). */
  html?: string;
}

/** Returns the lowercased host of `url`, or undefined when it is not an absolute URL. */
export function hostOf(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

function hostMatches(host: string | undefined, wanted: readonly string[]): boolean {
  if (host === undefined) return false;
  return wanted.some((w) => host === w || host.endsWith(`.${w}`));
}

/** Returns true when `pack` applies to the article described by `input`. */
export function packMatches(
  pack: RulePack,
  input: PackMatchInput,
  feedHost = hostOf(input.feedUrl),
  itemHost = hostOf(input.itemUrl),
): boolean {
  const m = pack.match;
  if (m.any) return true;
  if (hostMatches(feedHost, m.feedHosts) || hostMatches(itemHost, m.itemHosts)) return true;
  const generator = input.generator;
  if (generator !== undefined && m.generators.some((g) => g.test(generator))) return true;
  const html = input.html;
  return html !== undefined && m.bodyContains.some((marker) => html.includes(marker));
}

/** For one pack list, feed URL and generator: which packs match whatever the article (and the list they were worked out for). */
interface FeedMatches {
  packs: RulePack[];
  matches: boolean[];
  /** Any body marker of the other packs, as one pattern: one scan of the article instead of one per marker. */
  markers: RegExp | undefined;
}

const MAX_FEEDS_REMEMBERED = 10_000;
const feedMatchesByPacks = new WeakMap<readonly RulePack[], Map<string, FeedMatches>>();

// A list changed in place since (a caller's own array) is worked out again.
function isSameList(a: readonly RulePack[], b: readonly RulePack[]): boolean {
  return a.length === b.length && a.every((pack, i) => pack === b[i]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

// The last feed asked about: a feed's articles are cleaned one after another.
let last:
  | { packs: readonly RulePack[]; feedUrl: string | undefined; generator: string | undefined; feed: FeedMatches }
  | undefined;

function feedMatchesOf(
  packs: readonly RulePack[],
  feedUrl: string | undefined,
  generator: string | undefined,
): FeedMatches {
  if (
    last !== undefined &&
    last.packs === packs &&
    last.feedUrl === feedUrl &&
    last.generator === generator &&
    isSameList(last.feed.packs, packs)
  ) {
    return last.feed;
  }
  const feed = lookUpFeedMatches(packs, feedUrl, generator);
  last = { packs, feedUrl, generator, feed };
  return feed;
}

// One compiled pattern per distinct marker list (most feeds share one: none of their packs matched by host).
const markerPatterns = new Map<string, RegExp>();

function markerPattern(source: string): RegExp {
  let pattern = markerPatterns.get(source);
  if (pattern === undefined) {
    // Literal alternatives without the u flag: code unit for code unit what String#includes compares.
    pattern = new RegExp(source);
    if (markerPatterns.size >= MAX_FEEDS_REMEMBERED) markerPatterns.clear();
    markerPatterns.set(source, pattern);
  }
  return pattern;
}

function lookUpFeedMatches(
  packs: readonly RulePack[],
  feedUrl: string | undefined,
  generator: string | undefined,
): FeedMatches {
  let byFeed = feedMatchesByPacks.get(packs);
  if (byFeed === undefined) feedMatchesByPacks.set(packs, (byFeed = new Map()));
  // Length-prefixed, so that no feed URL and generator pair can spell another's key.
  const key = `${feedUrl === undefined ? '-' : `${feedUrl.length}:${feedUrl}`}|${generator ?? ''}|${generator === undefined ? 0 : 1}`;
  const known = byFeed.get(key);
  if (known !== undefined && isSameList(known.packs, packs)) return known;
  const feedHost = hostOf(feedUrl);
  const matches = packs.map((pack) => packMatches(pack, { feedUrl, generator }, feedHost, undefined));
  const pending = packs.flatMap((pack, i) => (matches[i] ? [] : pack.match.bodyContains));
  const markers = pending.length > 0 ? markerPattern(pending.map(escapeRegExp).join('|')) : undefined;
  const feed = { packs: [...packs], matches, markers };
  if (byFeed.size >= MAX_FEEDS_REMEMBERED) byFeed.clear();
  byFeed.set(key, feed);
  return feed;
}

// The URL parser changes a host's text only by lowercasing it, unless the URL holds a percent escape, a tab or line
// break (removed), or a non-ASCII character (IDNA mapping): otherwise a host matching `wanted` is in the lowercased text.
const HOST_REWRITES = /[%\t\n\r]|[^\x00-\x7f]/;

/** Returns false only when the URL (`lower`: lowercased, or undefined when the URL parser may rewrite its host) cannot have a host equal to, or under, one of `wanted`. */
function mayHaveHost(lower: string | undefined, wanted: readonly string[]): boolean {
  return lower === undefined || wanted.some((w) => lower.includes(w));
}

/** Returns the packs of `packs` that apply to the article, in their given order. */
export function selectRulePacks(packs: readonly RulePack[], input: PackMatchInput): RulePack[] {
  if (packs.length === 0) return [];
  const { matches, markers } = feedMatchesOf(packs, input.feedUrl, input.generator);
  const { itemUrl } = input;
  const html = markers !== undefined && input.html !== undefined && markers.test(input.html) ? input.html : undefined;
  const lower = itemUrl === undefined || HOST_REWRITES.test(itemUrl) ? undefined : itemUrl.toLowerCase();
  let itemHost: string | undefined;
  let parsed = false;
  return packs.filter((pack, i) => {
    if (matches[i]) return true;
    const { itemHosts, bodyContains } = pack.match;
    if (itemUrl !== undefined && itemHosts.length > 0 && mayHaveHost(lower, itemHosts)) {
      if (!parsed) {
        itemHost = hostOf(itemUrl);
        parsed = true;
      }
      if (hostMatches(itemHost, itemHosts)) return true;
    }
    return html !== undefined && bodyContains.some((marker) => html.includes(marker));
  });
}

/** Returns the body selector of the first pack whose article hosts include `url`'s host, for full-text extraction. */
export function findBodySelector(packs: readonly RulePack[], url: string): CssSelector | undefined {
  const host = hostOf(url);
  return packs.find((pack) => pack.bodySelector !== undefined && hostMatches(host, pack.match.itemHosts))?.bodySelector;
}
