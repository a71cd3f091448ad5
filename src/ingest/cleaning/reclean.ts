/**
 * `tidings reclean`: today's cleaning rules applied again to every stored
 * revision's raw body, without fetching. Per feed: the learned boilerplate is learned again
 * first (a rebuilt database, or rules that changed since, start from the current articles),
 * then the feed's revisions are read in pages by id, cleaned with the rule packs, the learned
 * rules (unless switched off for the feed), the feed URL, the stored generator and each
 * revision's link, and the cleaned bodies that differ are written back in one batch per
 * page. When the archive holds cleaned bodies (`archiveBody: cleaned`), the files of changed
 * revisions already archived are rewritten through archive/'s one sanctioned overwrite
 * (rewriteArticleRevision); pending ones get the new body when they are first written. With
 * `archiveBody: raw` the files hold raw bodies and are left alone.
 *
 * The store does not keep whether a raw body was HTML or plain text (JSON Feed content_text,
 * Atom type="text"). A plain-text body was cleaned as escaped paragraphs, so a raw body with
 * no markup whose stored cleaned body starts with `<p>` is taken as text: the cleaner never
 * adds a `<p>` around markup-free HTML, so HTML bodies are never mistaken for text.
 */
import { rewriteArticleRevision, type ArchiveProblem } from '../../archive/index.ts';
import type { Feed, RevisionBodies } from '../../store/index.ts';
import { type BodyCleaningOptions, cleanSource } from '../bodies/clean-source.ts';
import { textToHtml } from '../refresh/build-entries.ts';
import type { IngestContext } from '../ingest-context.ts';
import { relearnBoilerplate } from '../refresh/learn-feed-boilerplate.ts';

/** Revisions read and written per batch. */
export const RECLEAN_BATCH = 200;

/** Which feeds to re-clean (default all, removed ones included: their articles are still shown). */
export interface RecleanOptions {
  feedIds?: number[];
  /** Called after each feed. */
  onProgress?: (done: RecleanFeedResult) => void;
}

/** What re-cleaning one feed did. */
export interface RecleanFeedResult {
  feedId: number;
  url: string;
  revisions: number;
  changed: number;
  unchanged: number;
  /** Archive files rewritten with the new body. */
  filesRewritten: number;
  /** Learned rules now in effect for the feed (0 when switched off). */
  learnedRules: number;
}

/** Totals over the feeds, with per-feed results and archive files that could not be rewritten. */
export interface RecleanResult {
  feeds: RecleanFeedResult[];
  revisions: number;
  changed: number;
  unchanged: number;
  filesRewritten: number;
  problems: ArchiveProblem[];
  /** Requested ids that are not feeds. */
  missing: number[];
}

/** Re-cleans every revision of the chosen feeds; a database failure throws, an archive file that cannot be rewritten is a problem. */
export async function recleanFeeds(ctx: IngestContext, options: RecleanOptions = {}): Promise<RecleanResult> {
  const { feeds, missing } = await chooseFeeds(ctx, options.feedIds);
  const result: RecleanResult = {
    feeds: [],
    revisions: 0,
    changed: 0,
    unchanged: 0,
    filesRewritten: 0,
    problems: [],
    missing,
  };
  for (const feed of feeds) {
    const done = await recleanFeed(ctx, feed, result.problems);
    result.feeds.push(done);
    result.revisions += done.revisions;
    result.changed += done.changed;
    result.unchanged += done.unchanged;
    result.filesRewritten += done.filesRewritten;
    options.onProgress?.(done);
  }
  return result;
}

/** Returns the HTML a stored revision's cleaned body is made from (its raw body, or a plain-text body as paragraphs). */
export function cleanInputOf(revision: Pick<RevisionBodies, 'rawBody' | 'cleanedBody'>): string {
  const looksText = !/<[a-zA-Z!/?]/.test(revision.rawBody) && revision.cleanedBody?.startsWith('<p>') === true;
  return looksText ? textToHtml(revision.rawBody) : revision.rawBody;
}

async function recleanFeed(ctx: IngestContext, feed: Feed, problems: ArchiveProblem[]): Promise<RecleanFeedResult> {
  const state = await ctx.store.getFeedCleaning(feed.id);
  const { rules } = await relearnBoilerplate(ctx, feed.id, state.learnedRules);
  const learned = feed.settings.learnedBoilerplate ? rules : [];
  const clean: BodyCleaningOptions = { feedUrl: feed.url, generator: state.generator, packs: ctx.packs, learned };
  const done: RecleanFeedResult = {
    feedId: feed.id,
    url: feed.url,
    revisions: 0,
    changed: 0,
    unchanged: 0,
    filesRewritten: 0,
    learnedRules: learned.length,
  };
  let after = 0;
  for (;;) {
    const page = await ctx.store.listRevisionBodies({ feedId: feed.id, afterRevisionId: after, limit: RECLEAN_BATCH });
    if (page.length === 0) break;
    after = page[page.length - 1].revisionId;
    const updates = page.flatMap((revision) => {
      const cleanedBody = cleanSource({ html: cleanInputOf(revision), itemUrl: revision.link }, clean);
      return cleanedBody === revision.cleanedBody
        ? []
        : [{ revisionId: revision.revisionId, cleanedBody, archived: revision.archived }];
    });
    done.revisions += page.length;
    done.changed += updates.length;
    done.unchanged += page.length - updates.length;
    if (updates.length > 0)
      await ctx.store.updateCleanedBodies(updates.map(({ revisionId, cleanedBody }) => ({ revisionId, cleanedBody })));
    const archived = updates.filter((u) => u.archived).map((u) => u.revisionId);
    if (ctx.settings.archiveBody === 'cleaned' && archived.length > 0)
      done.filesRewritten += await rewriteFiles(ctx, archived, problems);
    if (page.length < RECLEAN_BATCH) break;
  }
  return done;
}

async function rewriteFiles(ctx: IngestContext, revisionIds: number[], problems: ArchiveProblem[]): Promise<number> {
  let rewritten = 0;
  for (const { feed, record } of await ctx.store.archiveRecordsOf(revisionIds, { fileBody: 'cleaned' })) {
    try {
      const outcome = await rewriteArticleRevision(ctx.archiveRoot, { feed, record });
      if (outcome.kind !== 'unchanged') rewritten++;
    } catch (error) {
      problems.push({ file: record.file, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return rewritten;
}

async function chooseFeeds(
  ctx: IngestContext,
  feedIds: number[] | undefined,
): Promise<{ feeds: Feed[]; missing: number[] }> {
  if (feedIds === undefined) return { feeds: await ctx.store.listFeeds({ includeRemoved: true }), missing: [] };
  const feeds: Feed[] = [];
  const missing: number[] = [];
  for (const id of new Set(feedIds)) {
    const feed = await ctx.store.getFeed(id);
    if (feed === undefined) missing.push(id);
    else feeds.push(feed);
  }
  return { feeds, missing };
}
