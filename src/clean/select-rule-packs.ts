/**
 * Which rule packs apply to one article: by the feed URL's host, the article URL's host, the
 * feed's generator, or a literal marker in the raw HTML. A host condition matches the host
 * itself and its subdomains (`feedx.net` matches `www.feedx.net`), never a look-alike
 * (`notfeedx.net`).
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
export function packMatches(pack: RulePack, input: PackMatchInput, feedHost = hostOf(input.feedUrl), itemHost = hostOf(input.itemUrl)): boolean {
  const m = pack.match;
  if (m.any) return true;
  if (hostMatches(feedHost, m.feedHosts) || hostMatches(itemHost, m.itemHosts)) return true;
  const generator = input.generator;
  if (generator !== undefined && m.generators.some((g) => g.test(generator))) return true;
  const html = input.html;
  return html !== undefined && m.bodyContains.some((marker) => html.includes(marker));
}

/** Returns the packs of `packs` that apply to the article, in their given order. */
export function selectRulePacks(packs: readonly RulePack[], input: PackMatchInput): RulePack[] {
  if (packs.length === 0) return [];
  const feedHost = hostOf(input.feedUrl);
  const itemHost = hostOf(input.itemUrl);
  return packs.filter((pack) => packMatches(pack, input, feedHost, itemHost));
}

/** Returns the body selector of the first pack whose article hosts include `url`'s host, for full-text extraction. */
export function findBodySelector(packs: readonly RulePack[], url: string): CssSelector | undefined {
  const host = hostOf(url);
  return packs.find((pack) => pack.bodySelector !== undefined && hostMatches(host, pack.match.itemHosts))?.bodySelector;
}
