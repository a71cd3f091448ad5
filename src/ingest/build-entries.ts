/**
 * Parsed items → entries ready to store: identity, title, bodies, fingerprint, title key.
 *
 * The fingerprint is taken from the RAW body (as received), not the cleaned one. It
 * answers "did the publisher change this article?", and cleaning rules change over time
 * (issue 4 adds rule packs and learned boilerplate): a fingerprint of the cleaned body
 * would make every article look revised the day a rule changes. Typography-only edits are
 * ignored by the fingerprint's own normalization (domain/text-fingerprint.ts).
 * A plain-text body (JSON Feed content_text, Atom type="text") is stored raw as text and
 * cleaned as escaped paragraphs.
 */
import { cleanArticle } from '../clean/clean-article.ts';
import { entryIdentities } from '../domain/entry-identity.ts';
import type { ParsedItem, TextType } from '../domain/parsed-feed.ts';
import { textFingerprint, titleKey } from '../domain/text-fingerprint.ts';
import type { IncomingEntry } from '../store/index.ts';
import { escapeHtml, plainText } from './plain-text.ts';

/** What the cleaner may know about the document the items came from. */
export interface BuildEntriesOptions { feedUrl?: string; generator?: string }

/** Returns one entry per item, in item order (identities depend on the whole document). */
export function buildEntries(items: readonly ParsedItem[], options: BuildEntriesOptions = {}): IncomingEntry[] {
  const identities = entryIdentities(items);
  return items.map((item, i) => buildEntry(item, identities[i], options));
}

function buildEntry(item: ParsedItem, identity: string, options: BuildEntriesOptions): IncomingEntry {
  const clean = (html: string) => cleanArticle(html, { ...options, itemUrl: item.link, baseUrl: item.link }).html;
  const useContent = item.content !== undefined && item.content.trim() !== '';
  const rawBody = (useContent ? item.content : item.summary) ?? '';
  const bodyType: TextType = (useContent ? item.contentType : item.summaryType) ?? 'html';
  const html = bodyType === 'text' ? textToHtml(rawBody) : rawBody;
  const summary = useContent && item.summary !== undefined && item.summary.trim() !== ''
    ? clean(item.summaryType === 'text' ? textToHtml(item.summary) : item.summary)
    : undefined;
  const title = item.title === undefined ? undefined : plainText(item.title, item.titleType ?? 'text');
  return dropUndefined({
    identity,
    guid: nonEmpty(item.id),
    link: nonEmpty(item.link),
    title: title === '' ? undefined : title,
    titleKey: titleKey(item.title, item.titleType ?? 'text'),
    authors: item.authors,
    categories: item.categories,
    enclosures: item.enclosures,
    language: item.language,
    publishedAt: epochMs(item.published),
    updatedAt: epochMs(item.updated),
    summary,
    rawBody,
    cleanedBody: clean(html),
    fingerprint: textFingerprint(rawBody, bodyType),
  });
}

/** Returns the publish (else update) times of items, epoch ms, for the posting-rate estimate. */
export function itemTimes(items: readonly ParsedItem[]): number[] {
  return items.map((item) => epochMs(item.published) ?? epochMs(item.updated)).filter((t): t is number => t !== undefined);
}

function textToHtml(text: string): string {
  return text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`).join('\n');
}

function epochMs(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  return Number.isFinite(time) ? Math.round(time) : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
