/**
 * `tidings feeds show FEED [--json]`: one feed in full: its settings, why it is checked
 * when it is (the schedule), its learned boilerplate rules, and its latest fetch log rows.
 */
import { describePostingRate } from '../domain/posting-rate.ts';
import { findFeedByRef } from '../ingest/index.ts';
import { formatLearnedRule } from '../clean/index.ts';
import type { Feed, FeedCleaning } from '../store/index.ts';
import { formatDuration } from '../util/format-duration.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { feedStatus } from './feeds-command.ts';
import { formatTable, formatTime, oneLine } from './format.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

const LOG_ROWS = 10;

/** Runs `tidings feeds show`; exit 1 when no such feed. */
export async function runFeedShow(
  io: CliIo,
  globals: GlobalOptions,
  ref: string,
  options: { json?: boolean },
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const found = await findFeedByRef(ctx, ref);
    if (found === undefined) return fail(io, `no feed ${ref}`);
    const feed = (await ctx.store.listFeeds({ includeRemoved: true })).find((f) => f.id === found.id)!;
    const log = await ctx.store.listFetchLog(feed.id, LOG_ROWS);
    const cleaning = await ctx.store.getFeedCleaning(feed.id);
    if (options.json === true) {
      printJson(io, { feed, schedule: describeSchedule(feed, ctx.now()), fetchLog: log, cleaning });
      return EXIT.ok;
    }
    const s = feed.settings;
    const g = ctx.settings;
    const lines = [
      `Feed #${feed.id}: ${feed.title ?? '(untitled)'}${feed.titleFromUser ? ' (your title)' : ''}`,
      `  URL:         ${feed.url}`,
      `  Site:        ${feed.siteUrl ?? '-'}`,
      `  Category:    ${feed.category ?? '-'}`,
      `  Format:      ${feed.format ?? '-'}${feed.language === undefined ? '' : `, language ${feed.language}`}`,
      `  Subscribed:  ${formatTime(feed.createdAt)}${feed.removedAt === undefined ? '' : `, removed ${formatTime(feed.removedAt)}`}`,
      `  Articles:    ${feed.stats.articleCount} (${feed.stats.revisionCount} revisions), latest ${formatTime(feed.stats.latestArticleAt)}`,
      `  Status:      ${feedStatus(feed)}${feed.lastStatus === undefined ? '' : `, HTTP ${feed.lastStatus}`}, last fetch ${formatTime(feed.lastFetchedAt)}, last success ${formatTime(feed.lastSuccessAt)}`,
      ...(feed.lastError === undefined
        ? []
        : [`  Last error:  ${feed.lastError.code}: ${oneLine(feed.lastError.message, 200)}`]),
      `  Next check:  ${feed.removedAt === undefined ? formatTime(feed.nextCheckAt) : 'never (removed)'} — ${describeSchedule(feed, ctx.now())}`,
      `  Settings:    interval ${formatDuration(s.minIntervalSeconds ?? g.minCheckIntervalSeconds)}–${formatDuration(s.maxIntervalSeconds ?? g.maxCheckIntervalSeconds)}` +
        `${s.minIntervalSeconds === undefined && s.maxIntervalSeconds === undefined ? ' (defaults)' : ''}, encoding ${s.encodingOverride ?? 'auto'}, ` +
        `full text ${s.fullText}, retention ${s.retentionDays === undefined ? 'forever' : `${s.retentionDays} days`}`,
      `  Validators:  ${feed.validators.etag === undefined ? '' : `ETag ${feed.validators.etag} `}${feed.validators.lastModified ?? ''}`.trimEnd(),
      ...describeCleaning(feed, cleaning),
    ];
    const rows = [['STARTED', 'OUTCOME', 'HTTP', 'ITEMS', 'NEW', 'REVISED', 'BYTES', 'MS', 'ERROR']];
    for (const row of log) {
      rows.push([
        formatTime(row.startedAt),
        row.outcome,
        str(row.httpStatus),
        str(row.itemCount),
        str(row.newArticles),
        str(row.newRevisions),
        str(row.bytes),
        String(row.durationMs),
        row.error === undefined ? '' : `${row.error.code}: ${oneLine(row.error.message, 60)}`,
      ]);
    }
    io.stdout(
      `${lines.join('\n')}\n\nFetch log (latest ${LOG_ROWS}):\n${log.length === 0 ? '  none yet\n' : `${formatTable(rows)}\n`}`,
    );
    return EXIT.ok;
  });
}

/** Returns the learned-boilerplate lines: on or off, when learned, then one line per rule. */
export function describeCleaning(feed: Feed, cleaning: FeedCleaning): string[] {
  const state = feed.settings.learnedBoilerplate ? 'on' : 'off (rules are still learned, not applied)';
  const when = cleaning.learnedAt === undefined ? 'not learned yet' : `learned ${formatTime(cleaning.learnedAt)}`;
  const rules =
    cleaning.learnedRules.length === 0
      ? 'no rules'
      : `${cleaning.learnedRules.length} rule${cleaning.learnedRules.length === 1 ? '' : 's'}`;
  return [
    `  Boilerplate: learned boilerplate ${state}; ${rules}, ${when}${cleaning.generator === undefined ? '' : `; generator ${cleaning.generator}`}`,
    ...cleaning.learnedRules.map((rule) => `    ${formatLearnedRule(rule)}`),
  ];
}

/** Returns why the feed is checked when it is, in words, from its stored state. */
export function describeSchedule(feed: Feed, now: number): string {
  const interval = feed.checkIntervalMs === undefined ? '' : `every ${formatDuration(feed.checkIntervalMs / 1000)}`;
  let why: string;
  if (feed.lastError?.code === 'fetch.rate-limited')
    why = feed.nextCheckAt > now ? 'rate-limited: waiting as the server asked' : 'rate-limited';
  else if (feed.errorCount > 0) why = `backoff after ${feed.errorCount} error${feed.errorCount === 1 ? '' : 's'}`;
  else if (feed.lastFetchedAt === undefined) why = 'not fetched yet';
  else if (feed.postingIntervalMs !== undefined)
    why = `adaptive: ${describePostingRate(feed.postingIntervalMs / 1000)}`;
  else why = 'no posting history';
  return interval === '' ? why : `${why}, ${interval}`;
}

function str(value: number | undefined): string {
  return value === undefined ? '-' : String(value);
}
