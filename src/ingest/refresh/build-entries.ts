/**
 * Parsed items → entries ready to store: identity, title, bodies, fingerprint, title key.
 *
 * The fingerprint is taken from the RAW body (as received), not the cleaned one. It
 * answers "did the publisher change this article?", and cleaning rules change over time
 * (rule packs are added, boilerplate is learned): a fingerprint of the cleaned body
 * would make every article look revised the day a rule changes. Typography-only edits are
 * ignored by the fingerprint's own normalization (domain/text-fingerprint.ts).
 * A plain-text body (JSON Feed content_text, Atom type="text") is stored raw as text and
 * cleaned as escaped paragraphs. Cleaning gets the context's rule packs and the feed's
 * learned boilerplate; each prepared entry keeps what its cleaned body was made from, so a
 * refresh can clean it again when it learns new rules or swaps in full text (full-text.ts,
 * bodies/clean-source.ts).
 */
import { entryIdentities } from '../../domain/entry-identity.ts';
import type { ParsedItem, TextType } from '../../domain/parsed-feed.ts';
import { textFingerprint, titleKey } from '../../domain/text-fingerprint.ts';
import type { IncomingEntry } from '../../store/index.ts';
import { escapeHtml } from '../../util/escape-html.ts';
import { dropUndefined } from '../../util/drop-undefined.ts';
import { type BodyCleaningOptions, type CleanSource, cleanSource } from '../bodies/clean-source.ts';
import { plainText } from '../bodies/plain-text.ts';

export type { CleanSource };

/** How the entries' bodies are cleaned. */
export type BuildEntriesOptions = BodyCleaningOptions;

/** One entry with the item it came from and its clean source. */
export interface PreparedEntry {
  entry: IncomingEntry;
  item: ParsedItem;
  source: CleanSource;
}

/** Returns one entry per item, in item order (identities depend on the whole document). */
export function buildEntries(items: readonly ParsedItem[], options: BuildEntriesOptions = {}): IncomingEntry[] {
  return prepareEntries(items, options).map((prepared) => prepared.entry);
}

/** Returns one prepared entry per item, in item order, keeping what each cleaned body was made from. */
export function prepareEntries(items: readonly ParsedItem[], options: BuildEntriesOptions = {}): PreparedEntry[] {
  const identities = entryIdentities(items);
  return items.map((item, i) => prepareEntry(item, identities[i], options));
}

function prepareEntry(item: ParsedItem, identity: string, options: BuildEntriesOptions): PreparedEntry {
  const clean = (html: string) => cleanSource({ html, itemUrl: item.link }, options);
  const useContent = item.content !== undefined && item.content.trim() !== '';
  const rawBody = (useContent ? item.content : item.summary) ?? '';
  const bodyType: TextType = (useContent ? item.contentType : item.summaryType) ?? 'html';
  const html = bodyType === 'text' ? textToHtml(rawBody) : rawBody;
  const summary =
    useContent && item.summary !== undefined && item.summary !== item.content && item.summary.trim() !== ''
      ? clean(item.summaryType === 'text' ? textToHtml(item.summary) : item.summary)
      : undefined;
  const title = item.title === undefined ? undefined : plainText(item.title, item.titleType ?? 'text');
  const entry = dropUndefined({
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
  return { entry, item, source: dropUndefined({ html, itemUrl: item.link }) };
}

/** Returns the publish (else update) times of items, epoch ms, for the posting-rate estimate. */
export function itemTimes(items: readonly ParsedItem[]): number[] {
  return items
    .map((item) => epochMs(item.published) ?? epochMs(item.updated))
    .filter((t): t is number => t !== undefined);
}

/** Returns a plain-text body as escaped paragraphs (blank lines separate them, single line breaks become `<br>`). */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
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
