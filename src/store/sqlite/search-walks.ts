/**
 * How a SQLite search reads its matches: the FTS5 matches newest id first (ids are arrival
 * order), joined to their article rows for the filters, stopping as soon as the page is
 * settled. The time of every article still to come is at most the newest time among smaller
 * ids (`search_time_blocks`, per 1,024 ids): that ceiling bounds both the newest-first key and
 * the relevance score (search-scoring.ts `maxScore`), and ends the walk under a `since` bound.
 *
 * Walking by time instead (the article time index, asking FTS5 which articles of each slice
 * match) does not work for date-bounded searches: FTS5 starts a rowid-bounded query on a long
 * posting list slowly, once per segment and for every slice (bench/README.md, "Search: walks"),
 * and back-filled articles spread every time slice over the whole id range.
 *
 * A search with an upper time bound (`before:`, `on:`) reads by period instead: the matches
 * that also hold one day's (month's, year's) date token, newest period first, each period by
 * descending id. The ceiling cannot help there (back-filled old articles sit among new ids),
 * but after each period every article still to come is older than the period's start.
 *
 * A search whose candidates are few (its pair and gram lists are short) reads every match in
 * ascending order instead (`walkAll`): it would read them all anyway, and ascending is faster.
 */
import { periodStart, periodToken, type Period } from '../../tokenize/date-tokens.ts';
import { baseScore, maxScore, scoreArticle, type ScoringGroup } from '../search-scoring.ts';
import type { TopHits } from '../search-top-hits.ts';
import type { Statements } from './statements.ts';

/** What both walks need: the FTS5 expression, the filter SQL over `a` (and `f` when `needsFeed`), and how to rank. */
export interface WalkPlan {
  expression: string;
  where: string[];
  params: Array<string | number>;
  needsFeed: boolean;
  /** Ranking groups for relevance; undefined for newest first. */
  groups?: ScoringGroup[];
  now: number;
  /** The date filter's bounds (also part of `where`). */
  since?: number;
  until?: number;
}

function keyOf(plan: WalkPlan, title: string | null, time: number): number {
  return plan.groups === undefined ? time : scoreArticle(plan.groups, title ?? '', time, plan.now);
}

function settled(plan: WalkPlan, top: TopHits, time: number, bound = maxScore): boolean {
  if (!top.full()) return false;
  return (plan.groups === undefined ? time : bound(plan.groups, time, plan.now)) < top.worstKey();
}

/**
 * Walks matches by descending id; `ceiling(id)` bounds the time of every article with a smaller
 * id; `maxId` skips newer blocks. `bound` is the best score still possible at a time (default:
 * with every title bonus). Returns the id it stopped at, or undefined when it read every match.
 */
export function walkByRowid(
  sql: Statements,
  plan: WalkPlan,
  top: TopHits,
  ceiling: (id: number) => number,
  maxId?: number,
  bound?: typeof maxScore,
): number | undefined {
  const where = maxId === undefined ? plan.where : ['s.rowid <= ?', ...plan.where];
  const params = maxId === undefined ? plan.params : [maxId, ...plan.params];
  const statement = sql(`
    SELECT s.rowid, a.sort_time, a.title
    FROM search_fts s CROSS JOIN articles a ON a.id = s.rowid ${plan.needsFeed ? 'CROSS JOIN feeds f ON f.id = a.feed_id' : ''}
    WHERE search_fts MATCH ? AND ${where.join(' AND ')}
    ORDER BY s.rowid DESC`).raw(true);
  for (const row of statement.iterate(plan.expression, ...params) as Iterable<[number, number, string | null]>) {
    const [id, time, title] = row;
    top.offer(id, keyOf(plan, title, time));
    const limitTime = ceiling(id);
    if (plan.since !== undefined && limitTime < plan.since) return undefined;
    if (settled(plan, top, limitTime, bound)) return id;
  }
  return undefined;
}

/**
 * Relevance in two walks: every match newest first until not even a title match could enter
 * the page, then only the older matches whose title holds a phrase (a short list for most
 * words) until not even those could. The page is the same as one walk's that stops only when
 * nothing at all could enter, which reads every match back to where a title match would no
 * longer count: 1.7 times older, and most of a search's cost for a common word.
 */
export function walkRelevant(
  sql: Statements,
  plan: WalkPlan,
  top: TopHits,
  ceiling: (id: number) => number,
  titleMatch: string,
  maxId?: number,
): void {
  const stopped = walkByRowid(sql, plan, top, ceiling, maxId, baseScore);
  if (stopped === undefined || stopped <= 1) return;
  walkByRowid(sql, { ...plan, expression: `(${plan.expression}) AND ${titleMatch}` }, top, ceiling, stopped - 1);
}

/**
 * Reads every match in ascending id order, with no early stop: for a search whose candidates are
 * known to be few (search-queries.ts `candidateBound`). FTS5 reads a phrase's positions about
 * four times faster ascending than descending (a descending read decodes each doclist page
 * backwards), and a search with few matches reads them all either way (bench/README.md,
 * "Search: walks").
 */
export function walkAll(sql: Statements, plan: WalkPlan, top: TopHits): void {
  const statement = sql(`
    SELECT s.rowid, a.sort_time, a.title
    FROM search_fts s CROSS JOIN articles a ON a.id = s.rowid ${plan.needsFeed ? 'CROSS JOIN feeds f ON f.id = a.feed_id' : ''}
    WHERE search_fts MATCH ? AND ${plan.where.join(' AND ')}`).raw(true);
  for (const [id, time, title] of statement.iterate(plan.expression, ...plan.params) as Iterable<
    [number, number, string | null]
  >) {
    top.offer(id, keyOf(plan, title, time));
  }
}

const PERIODS: readonly Period[] = ['day', 'month', 'year'];
// A period with fewer matches than this many per the next period's length moves to that length
// (a month is ~30 days, a year 12 months), so the next read stays near 1,000 rows.
const WIDEN_BELOW: readonly number[] = [33, 83];

/**
 * Walks matches period by period from `newest` (exclusive, at most `until`) down to `oldest`
 * (inclusive). Articles waiting in `search_queue` may carry stale date tokens, so with `queued`
 * they are offered first, one by one, and left out of the periods.
 */
export function walkByPeriod(
  sql: Statements,
  plan: WalkPlan,
  top: TopHits,
  ceiling: (id: number) => number,
  newest: number,
  oldest: number,
  queued: boolean,
): void {
  const feedJoin = plan.needsFeed ? 'CROSS JOIN feeds f ON f.id = a.feed_id' : '';
  if (queued) {
    const waiting = sql(`
      SELECT s.rowid, a.sort_time, a.title
      FROM search_queue q CROSS JOIN search_fts s ON s.rowid = q.article_id CROSS JOIN articles a ON a.id = s.rowid ${feedJoin}
      WHERE search_fts MATCH ? AND a.sort_time < ? AND ${plan.where.join(' AND ')}`).raw(true);
    for (const [id, time, title] of waiting.iterate(plan.expression, newest, ...plan.params) as Iterable<
      [number, number, string | null]
    >) {
      top.offer(id, keyOf(plan, title, time));
    }
  }
  const statement = sql(`
    SELECT s.rowid, a.sort_time, a.title
    FROM search_fts s CROSS JOIN articles a ON a.id = s.rowid ${feedJoin}
    WHERE search_fts MATCH ? AND a.sort_time < ? AND ${plan.where.join(' AND ')}
      ${queued ? 'AND a.id NOT IN (SELECT article_id FROM search_queue)' : ''}
    ORDER BY s.rowid DESC`).raw(true);
  const lowest = Math.max(oldest, plan.since ?? -Infinity);
  let upper = newest;
  let level = 0;
  while (upper > lowest) {
    const period = PERIODS[level];
    const start = periodStart(period, upper - 1);
    const expression = `(${plan.expression}) AND "${periodToken(period, upper - 1)}"`;
    let rows = 0;
    for (const row of statement.iterate(expression, upper, ...plan.params) as Iterable<
      [number, number, string | null]
    >) {
      const [id, time, title] = row;
      rows++;
      top.offer(id, keyOf(plan, title, time));
      if (settled(plan, top, Math.min(ceiling(id), upper))) return;
    }
    upper = start;
    if (settled(plan, top, upper)) return;
    if (level < PERIODS.length - 1 && rows < WIDEN_BELOW[level]) level++;
  }
}
