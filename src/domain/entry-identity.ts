/**
 * Entry identity: which items of successive fetches are the same article ("guid;
 * guid + link where a feed repeats guids; the normalized link; else a hash of title and
 * content"). Identities are permanent keys in the store and the archive (its file names
 * hash them), so the forms below must never change:
 *
 *   guid:<id>                          the item has an id (RSS guid, Atom id, JSON id), trimmed
 *   guid+link:<id>|<normalized link>   the same id is on items of one document whose normalized
 *                                      links differ; an absent link is written as ''
 *   link:<normalized link>             no id, a link (normalizeLink in normalize-link.ts)
 *   hash:<64 hex>                      neither: sha256 of titleKey(title) + '\n' +
 *                                      normalizeFingerprintText(content, else summary, else '')
 *
 * An id or link that is empty after trimming counts as absent. The hash form ignores
 * typography (text-fingerprint.ts), so only a real edit of an id-less, link-less item
 * makes it a new entry. Known limit: an item's guid form depends on its document; if a
 * feed starts repeating a guid, the items carrying it move from `guid:` to `guid+link:`.
 */

import type { ParsedItem } from './parsed-feed.ts';
import { normalizeLink } from './normalize-link.ts';
import { normalizeFingerprintText, titleKey } from './text-fingerprint.ts';
import { sha256Hex } from '../util/sha256.ts';

/** Per-item context for `entryIdentity`. */
export interface EntryIdentityOptions {
  /** True when the item's id is on other items of the same document with other normalized links. */
  guidRepeats: boolean;
}

/** Returns the identity of each item of one feed document, in item order (forms in the module header). */
export function entryIdentities(items: readonly ParsedItem[]): string[] {
  const linksById = new Map<string, Set<string>>();
  for (const item of items) {
    const id = presentId(item);
    if (id === undefined) continue;
    const links = linksById.get(id) ?? new Set<string>();
    links.add(identityLink(item));
    linksById.set(id, links);
  }
  return items.map((item) => {
    const id = presentId(item);
    const guidRepeats = id !== undefined && (linksById.get(id)?.size ?? 0) > 1;
    return entryIdentity(item, { guidRepeats });
  });
}

/** Returns the identity of one item; `guidRepeats` comes from its document (see `entryIdentities`). */
export function entryIdentity(item: ParsedItem, options: EntryIdentityOptions): string {
  const id = presentId(item);
  if (id !== undefined) return options.guidRepeats ? `guid+link:${id}|${identityLink(item)}` : `guid:${id}`;
  const link = identityLink(item);
  if (link !== '') return `link:${link}`;
  const body =
    nonEmpty(item.content) !== undefined
      ? normalizeFingerprintText(item.content ?? '', item.contentType ?? 'html')
      : normalizeFingerprintText(item.summary ?? '', item.summaryType ?? 'html');
  return `hash:${sha256Hex(`${titleKey(item.title, item.titleType ?? 'text')}\n${body}`)}`;
}

function presentId(item: ParsedItem): string | undefined {
  return nonEmpty(item.id);
}

function identityLink(item: ParsedItem): string {
  const link = nonEmpty(item.link);
  return link === undefined ? '' : normalizeLink(link);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
