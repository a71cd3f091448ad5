/**
 * SQLite search: validates the request, estimates how common each part of the query is (for
 * its idf), walks the matches (search-walks.ts) keeping the best `limit + 1`, and reads the
 * page's articles and latest revisions. The time blocks also skip, under an `until` bound, the
 * blocks of ids that hold no article that old. How common a part is comes from the id of its 500th newest match, not a
 * count: reading 500 matches costs the same for "the" as for a rare name, where counting
 * would read half a million. Without any positive match (only filters or exclusions) it lists
 * articles newest first through the article time index. A search with an upper time bound
 * reads period by period through the date tokens (search-walks.ts `walkByPeriod`), and one whose
 * phrases' hint lists are short reads all its matches in ascending order (`walkAll`).
 */
import { AppError } from '../../domain/errors.ts';
import { MAX_INDEXED_HTML } from '../../tokenize/html-to-text.ts';
import type { ArticleRow } from '../rows.ts';
import { rowToArticleSummary } from '../map-rows.ts';
import { decodeSearchCursor, encodeSearchCursor, type SearchCursor } from '../search-cursor.ts';
import { estimateIdf, nodePhrases, scoringGroups, type ScoringGroup } from '../search-scoring.ts';
import { createTopHits, type Candidate } from '../search-top-hits.ts';
import type { MatchNode, SearchHit, SearchPage, SearchRequest } from '../search-types.ts';
import { articleFilterSql, type ArticleFilterSql } from './article-filter-sql.ts';
import { ftsExpression, ftsQuery, titleExpression } from './fts-expression.ts';
import { walkAll, walkByPeriod, walkByRowid, walkRelevant, type WalkPlan } from './search-walks.ts';
import type { SqliteContext } from './statements.ts';

const SAMPLE = 500;
// A search whose candidates are at most this many, and at most this share of the archive, reads them all in
// ascending order (search-walks.ts `walkAll`); more, and the descending walk's early stop is worth its slower reads.
const FEW_CANDIDATES = 2000;
const FEW_SHARE = 1 / 8;
const MAX_LIMIT = 1000;
const MAX_QUEUED = 200;

type HitRow = ArticleRow & { f_title: string | null; body: string | null; summary: string | null };

function filterClauses(request: SearchRequest, before?: SearchCursor): ArticleFilterSql {
  return articleFilterSql({
    feedId: request.feedId,
    excludeRemovedFeeds: request.includeRemovedFeeds !== true,
    since: request.since,
    until: request.until,
    languages: request.languages,
    before: before === undefined ? undefined : { time: before.key, id: before.id },
  });
}

/** Returns the search function over one connection. */
export function createSearchQueries({ sql }: SqliteContext) {
  /** Returns, from the time blocks, the newest time among ids up to a given id, and the highest id that can hold a time before `until`. */
  const timeBounds = (until: number | undefined): { ceiling: (id: number) => number; maxId?: number } => {
    const rows = sql('SELECT block, min_time, max_time FROM search_time_blocks ORDER BY block')
      .raw(true)
      .all() as Array<[number, number, number]>;
    const blocks: number[] = [];
    const ceilings: number[] = [];
    let running = -Infinity;
    let lastBefore: number | undefined;
    for (const [block, minTime, maxTime] of rows) {
      running = Math.max(running, maxTime);
      blocks.push(block);
      ceilings.push(running);
      if (until !== undefined && minTime < until) lastBefore = block;
    }
    const ceiling = (id: number): number => {
      const block = id >> 10;
      let lo = 0;
      let hi = blocks.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (blocks[mid] <= block) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found < 0 ? -Infinity : ceilings[found];
    };
    if (until === undefined) return { ceiling };
    return { ceiling, maxId: lastBefore === undefined ? 0 : (lastBefore + 1) * 1024 - 1 };
  };

  /** Returns the share of articles (ids up to the newest) that match an FTS5 expression, from its 500th newest match. */
  const matchShare = (expression: string, maxId: number): number => {
    if (maxId <= 0) return 0;
    const nth = sql('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(expression, SAMPLE - 1) as number | undefined;
    if (nth !== undefined) return SAMPLE / Math.max(SAMPLE, maxId - nth + 1);
    return (sql('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(expression) as number) / maxId;
  };

  /**
   * Returns an upper bound on the matches of a tree whose phrases check positions, from the
   * lengths of their hints' lists (each counted up to `few`), or Infinity when none is known to
   * be that short. Phrases answered by their `exact` hint alone read no positions and gain
   * nothing from an ascending read, so they give no bound.
   */
  const candidateBound = (node: MatchNode, few: number, counted = new Map<string, number>()): number => {
    if (node.kind === 'and') return Math.min(...node.nodes.map((child) => candidateBound(child, few, counted)));
    if (node.kind === 'or') return node.nodes.reduce((sum, child) => sum + candidateBound(child, few, counted), 0);
    if (node.exact !== undefined && (node.fields === undefined || node.fields.length === 0)) return Infinity;
    let bound = Infinity;
    for (const hint of node.hints ?? []) {
      let count = counted.get(hint);
      if (count === undefined) {
        count = sql('SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ?)')
          .pluck()
          .get(`{pairs} : "${hint.replace(/"/g, '""')}"`, few + 1) as number;
        counted.set(hint, count);
      }
      if (count <= few) bound = Math.min(bound, count);
    }
    return bound;
  };

  const scoringGroupsOf = (match: NonNullable<SearchRequest['match']>, maxId: number): ScoringGroup[] => {
    const nodes = scoringGroups(match);
    if (nodes.length < 2) return nodes.map((node) => ({ phrases: nodePhrases(node), idf: 1 }));
    return nodes.map((node) => {
      const share = matchShare(ftsExpression(node), maxId);
      return { phrases: nodePhrases(node), idf: estimateIdf(share * maxId, maxId) };
    });
  };

  const hitsFor = (page: Candidate[], withScore: boolean): SearchHit[] => {
    if (page.length === 0) return [];
    const rows = sql(`
      -- The raw body only when there is no cleaned one: a page's bodies are most of what a search reads.
      SELECT a.*, f.title AS f_title, substr(coalesce(r.cleaned_body, r.raw_body), 1, ${MAX_INDEXED_HTML}) AS body, r.summary
      FROM articles a JOIN feeds f ON f.id = a.feed_id
      LEFT JOIN revisions r ON r.article_id = a.id AND r.number = (SELECT max(number) FROM revisions WHERE article_id = a.id)
      WHERE a.id IN (${page.map(() => '?').join(', ')})`).all(...page.map((c) => c.id)) as HitRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return page.flatMap((candidate) => {
      const row = byId.get(candidate.id);
      if (row === undefined) return [];
      const hit: SearchHit = { article: rowToArticleSummary(row), body: row.body ?? '' };
      if (row.f_title !== null) hit.feedTitle = row.f_title;
      if (row.summary !== null) hit.summary = row.summary;
      if (withScore) hit.score = candidate.key;
      return [hit];
    });
  };

  const pageOf = (best: readonly Candidate[], limit: number, now: number, withScore: boolean): SearchPage => {
    const page = best.slice(0, limit);
    const last = page.at(-1);
    const hits = hitsFor(page, withScore);
    return best.length > limit && last !== undefined
      ? { hits, nextCursor: encodeSearchCursor({ key: last.key, id: last.id, now }) }
      : { hits };
  };

  const listFiltered = (request: SearchRequest, cursor: SearchCursor | undefined, now: number): SearchPage => {
    const { where, params, needsFeed } = filterClauses(request, cursor);
    if (request.exclude !== undefined && request.exclude.length > 0) {
      where.push(`a.id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)`);
      params.push(request.exclude.map(ftsExpression).join(' OR '));
    }
    const rows =
      sql(`SELECT a.id, a.sort_time FROM articles a ${needsFeed ? 'JOIN feeds f ON f.id = a.feed_id' : ''} WHERE ${where.join(' AND ')}
      ORDER BY a.sort_time DESC, a.id DESC LIMIT ?`)
        .raw(true)
        .all(...params, request.limit + 1) as Array<[number, number]>;
    return pageOf(
      rows.map(([id, key]) => ({ id, key })),
      request.limit,
      now,
      false,
    );
  };

  return {
    /** Throws AppError `input.invalid` for a limit outside 1…1000 or a cursor no search made. */
    search(request: SearchRequest): SearchPage {
      if (!Number.isSafeInteger(request.limit) || request.limit < 1 || request.limit > MAX_LIMIT) {
        throw new AppError('input.invalid', `limit must be an integer from 1 to ${MAX_LIMIT}`);
      }
      const cursor = request.cursor === undefined ? undefined : decodeSearchCursor(request.cursor);
      if (request.cursor !== undefined && cursor === undefined)
        throw new AppError('input.invalid', 'the page cursor is not valid');
      const now = cursor?.now ?? request.now ?? Date.now();
      if (request.match === undefined) return listFiltered(request, cursor, now);

      const relevance = request.sort === 'relevance';
      const maxId = (sql('SELECT max(id) FROM search_fts_docsize').pluck().get() as number | null) ?? 0;
      const { where, params, needsFeed } = filterClauses(request);
      const plan: WalkPlan = {
        expression: ftsQuery(request.match, request.exclude),
        where,
        params,
        needsFeed,
        now,
        groups: relevance ? scoringGroupsOf(request.match, maxId) : undefined,
        since: request.since,
        until: request.until,
      };
      const top = createTopHits(request.limit + 1, cursor);
      const { ceiling, maxId: belowUntil } = timeBounds(request.until);
      // Date tokens are fresh except for articles waiting in the queue (a changed time queues its article):
      // a few are checked one by one, a long queue (a reindex under way) falls back to the id walk.
      const queued =
        request.until === undefined
          ? 0
          : (sql('SELECT count(*) FROM (SELECT 1 FROM search_queue LIMIT ?)')
              .pluck()
              .get(MAX_QUEUED + 1) as number);
      const few = Math.min(FEW_CANDIDATES, Math.floor(maxId * FEW_SHARE));
      if (candidateBound(request.match, few) <= few) {
        walkAll(sql, plan, top);
      } else if (request.until !== undefined && queued <= MAX_QUEUED) {
        const newest = sql('SELECT max(sort_time) FROM articles').pluck().get() as number | null;
        const oldest = sql('SELECT min(sort_time) FROM articles').pluck().get() as number | null;
        if (newest !== null && oldest !== null)
          walkByPeriod(sql, plan, top, ceiling, Math.min(request.until, newest + 1), oldest, queued > 0);
      } else {
        const titleMatch =
          plan.groups === undefined ? undefined : titleExpression(plan.groups.flatMap((group) => group.phrases));
        if (titleMatch === undefined) walkByRowid(sql, plan, top, ceiling, belowUntil);
        else walkRelevant(sql, plan, top, ceiling, titleMatch, belowUntil);
      }
      return pageOf(top.list(), request.limit, now, relevance);
    },
  };
}
