/**
 * The cleaning half of a refresh, between parsing and recording the fetch: the
 * feed's cleaning state is read (learned rules, unless switched off for the feed; the last
 * generator), items become entries cleaned with the context's rule packs and those rules,
 * full text is added when the feed's mode calls for it, the entries are stored, and then the
 * rules are re-learned when enough new articles arrived (learn-feed-boilerplate.ts). When
 * that changes the rules, the revisions this refresh stored are cleaned again with them
 * before their archive files are written, so a feed's first articles do not keep the
 * boilerplate that only they taught.
 */
import type { LearnedRule } from '../../clean/learn-boilerplate.ts';
import type { ParsedItem } from '../../domain/parsed-feed.ts';
import type { FetchOptions, HostLimiter } from '../../fetch/index.ts';
import type { EntryOutcome, Feed, FeedCleaning, FeedCleaningPatch, StoredError } from '../../store/index.ts';
import { cleanSource, type CleanSource } from '../bodies/clean-source.ts';
import { prepareEntries, type BuildEntriesOptions, type PreparedEntry } from './build-entries.ts';
import { addFullText, wantsFullText } from './full-text.ts';
import type { IngestContext } from '../ingest-context.ts';
import { relearnBoilerplate, shouldRelearn } from './learn-feed-boilerplate.ts';

/** What cleanAndStore needs besides the items. */
export interface CleanAndStoreOptions {
  generator?: string;
  /** The limiter article pages are fetched under. */
  pageLimiter: HostLimiter;
  /** Fetch options for article pages. */
  fetchOptions: FetchOptions;
  /** The time the entries were seen. */
  seenAt: number;
  /** The items already prepared (prepare-document.ts) with the learned rules of `cleaning`; default prepared here. */
  prepared?: { entries: PreparedEntry[]; cleaning: FeedCleaning };
  /** Where boilerplate is learned (a round's worker pool); default on this thread. */
  learn?: (bodies: string[]) => Promise<LearnedRule[]>;
}

/** The store's outcome per entry, and what full text did. */
export interface CleanAndStoreResult {
  outcomes: EntryOutcome[];
  /** Article pages fetched and used for full text. */
  fullTextPages: number;
  /** Full-text pages that could not be used (the feed's own body was kept). */
  warnings: StoredError[];
}

/** Cleans and stores the items of one fetched document; throws only what the store throws. */
export async function cleanAndStore(
  ctx: IngestContext,
  feed: Feed,
  items: readonly ParsedItem[],
  options: CleanAndStoreOptions,
): Promise<CleanAndStoreResult> {
  const state = options.prepared?.cleaning ?? (await ctx.store.getFeedCleaning(feed.id));
  const learnedOn = feed.settings.learnedBoilerplate;
  const clean: BuildEntriesOptions = {
    feedUrl: feed.url,
    generator: options.generator,
    packs: ctx.packs,
    learned: learnedOn ? state.learnedRules : [],
  };
  let prepared = options.prepared?.entries ?? prepareEntries(items, clean);
  let fullTextPages = 0;
  const warnings: StoredError[] = [];
  if (prepared.length > 0 && wantsFullText(feed.settings.fullText, items)) {
    const full = await addFullText(ctx, feed.id, prepared, {
      limiter: options.pageLimiter,
      fetchOptions: options.fetchOptions,
      clean,
    });
    prepared = full.prepared;
    fullTextPages = full.pages;
    warnings.push(...full.warnings);
  }
  const outcomes =
    prepared.length === 0
      ? []
      : await ctx.store.recordEntries(
          feed.id,
          prepared.map((p) => p.entry),
          options.seenAt,
        );
  const newArticles = outcomes.filter((o) => o.kind === 'new').length;
  const patch: FeedCleaningPatch = {};
  if ((options.generator ?? undefined) !== state.generator) patch.generator = options.generator ?? null;
  if (shouldRelearn(state, newArticles)) {
    const relearned = await relearnBoilerplate(ctx, feed.id, state.learnedRules, options.learn);
    if (relearned.changed && learnedOn)
      await recleanStored(
        ctx,
        outcomes,
        prepared.map((p) => p.source),
        { ...clean, learned: relearned.rules },
      );
  } else if (newArticles > 0) {
    patch.addNewArticles = newArticles;
  }
  if (patch.generator !== undefined || patch.addNewArticles !== undefined)
    await ctx.store.updateFeedCleaning(feed.id, patch);
  return { outcomes, fullTextPages, warnings };
}

async function recleanStored(
  ctx: IngestContext,
  outcomes: readonly EntryOutcome[],
  sources: readonly CleanSource[],
  clean: BuildEntriesOptions,
): Promise<void> {
  const updates = outcomes.flatMap((outcome, i) =>
    outcome.kind === 'new' || outcome.kind === 'revised'
      ? [{ revisionId: outcome.revisionId, cleanedBody: cleanSource(sources[i], clean) }]
      : [],
  );
  if (updates.length > 0) await ctx.store.updateCleanedBodies(updates);
}
