/**
 * The query parameters of a republished feed, in RSSHub's style: `format` (rss, atom,
 * json; beats the path's extension), `limit` (default 50, at most 500: more is cut to
 * 500), `filter` and `filterout` (regular expressions on title and text),
 * `filter_case_sensitive` (default true, as in RSSHub) and `opencc` (s2t, t2s). A value
 * that cannot be used is AppError `input.invalid`, never silently ignored.
 */
import type { Context as HonoContext } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { isPublishFormat, type PublishFormat } from '../../publish/index.ts';
import { isChineseConversion, type ChineseConversion } from './convert-chinese.ts';
import { checkPattern, type ItemFilter } from './safe-filter.ts';

/** Items per document by default. */
export const DEFAULT_LIMIT = 50;

/** Items per document at most; a larger `limit` is cut to this. */
export const MAX_LIMIT = 500;

/** What a republished-feed request asks for. */
export interface FeedQuery {
  format: PublishFormat;
  limit: number;
  filter: ItemFilter;
  opencc?: ChineseConversion;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Returns the request's feed query; `pathFormat` is the extension the path named. Throws AppError `input.invalid`. */
export function readFeedQuery(c: HonoContext, pathFormat: PublishFormat): FeedQuery {
  const format = nonEmpty(c.req.query('format')) ?? pathFormat;
  if (!isPublishFormat(format)) throw new AppError('input.invalid', 'format must be rss, atom or json');
  const limitText = nonEmpty(c.req.query('limit'));
  const limit = limitText === undefined ? DEFAULT_LIMIT : /^\d{1,9}$/.test(limitText) ? Number(limitText) : Number.NaN;
  if (!(limit >= 1)) throw new AppError('input.invalid', 'limit must be a positive integer');
  const opencc = nonEmpty(c.req.query('opencc'));
  if (opencc !== undefined && !isChineseConversion(opencc))
    throw new AppError('input.invalid', 'opencc must be s2t or t2s');
  const filter = nonEmpty(c.req.query('filter'));
  const filterout = nonEmpty(c.req.query('filterout'));
  if (filter !== undefined) checkPattern(filter, 'filter');
  if (filterout !== undefined) checkPattern(filterout, 'filterout');
  const sensitive = nonEmpty(c.req.query('filter_case_sensitive')) ?? 'true';
  if (sensitive !== 'true' && sensitive !== 'false')
    throw new AppError('input.invalid', 'filter_case_sensitive must be true or false');
  return {
    format,
    limit: Math.min(limit, MAX_LIMIT),
    filter: {
      caseSensitive: sensitive === 'true',
      ...(filter === undefined ? {} : { filter }),
      ...(filterout === undefined ? {} : { filterout }),
    },
    ...(opencc === undefined ? {} : { opencc }),
  };
}

/** Returns the format named by a path's file part (`12.rss` → rss) and the name before it. */
export function splitFileName(file: string): { name: string; format: PublishFormat } {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1);
  if (dot < 1 || !isPublishFormat(format)) throw new AppError('not-found', `no feed document ${file}`);
  return { name: file.slice(0, dot), format };
}

/** Returns the id a document's name carries (`12` of `12.rss`); throws AppError `not-found` for anything else. */
export function parseDocumentId(name: string): number {
  const id = /^[1-9]\d{0,15}$/.test(name) ? Number(name) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw new AppError('not-found', `no feed document ${name}`);
  return id;
}
