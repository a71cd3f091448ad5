/**
 * The CPU half of refreshing a feed, as one pure function of a fetched document: parse it,
 * then turn its items into entries (identity, cleaning, fingerprint: build-entries.ts) and,
 * when asked, compute their search tokens (the store's costliest part of a new article). It
 * takes and returns plain values only, so it runs the same on the main thread or on a
 * worker (prepare-pool.ts), and the store, the network and the files stay on the main thread.
 */
import type { LearnedRule, RulePack } from '../../clean/index.ts';
import type { ParsedFeed } from '../../domain/parsed-feed.ts';
import { parseFeed } from '../../parse/parse-feed.ts';
import { contentTokens } from '../../tokenize/document-tokens.ts';
import { prepareEntries, type PreparedEntry } from './build-entries.ts';

/** A fetched document and what cleaning its items needs (the rule packs are the preparer's own). */
export interface PrepareDocumentInput {
  body: Uint8Array;
  /** The URL the document came from (the base for relative links). */
  url: string;
  headers: Record<string, string>;
  /** The feed's encoding setting, if any. */
  encodingOverride?: string;
  /** The subscribed feed's URL (rule packs match its host). */
  feedUrl: string;
  /** The feed's learned boilerplate to strip (none when switched off for the feed). */
  learned: readonly LearnedRule[];
  /** Drop the items' own bodies from the answer (the entries keep theirs): nothing reads them unless full text may be fetched, and a worker's answer is copied. */
  dropItemBodies?: boolean;
  /** Compute each entry's search tokens here too (worth it when most entries will be new), with the feed's stored title. */
  searchTokens?: { feedTitle?: string };
}

/** The parsed feed with its prepared entries (one per item, in order), or why the document is not a feed. */
export type PreparedDocument =
  | { kind: 'feed'; feed: ParsedFeed; generator?: string; prepared: PreparedEntry[] }
  | { kind: 'not-a-feed'; message: string };

/** Parses the document and prepares its entries with `packs` (undefined = the shipped packs); never throws for a bad document. */
export function prepareDocument(input: PrepareDocumentInput, packs: readonly RulePack[] | undefined): PreparedDocument {
  const parsed = parseFeed(input.body, {
    url: input.url,
    contentType: input.headers['content-type'],
    headers: input.headers,
    encodingOverride: input.encodingOverride,
  });
  if (parsed.kind === 'not-a-feed') return { kind: 'not-a-feed', message: parsed.error.message };
  const meta = parsed.feed.feed;
  const generator =
    meta.generator?.name === undefined
      ? undefined
      : [meta.generator.name, meta.generator.version].filter(Boolean).join(' ');
  const prepared = prepareEntries(parsed.feed.items, {
    feedUrl: input.feedUrl,
    generator,
    packs,
    learned: input.learned,
  });
  if (input.searchTokens !== undefined) {
    const { feedTitle } = input.searchTokens;
    for (const { entry } of prepared) entry.contentTokens = contentTokens({ ...entry, feedTitle });
  }
  if (input.dropItemBodies === true) {
    for (const item of parsed.feed.items) {
      item.content = undefined;
      item.summary = undefined;
    }
  }
  return { kind: 'feed', feed: parsed.feed, generator, prepared };
}
