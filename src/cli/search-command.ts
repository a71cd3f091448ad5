/**
 * `tidings search QUERY [--sort relevance|newest] [--limit N] [--cursor C] [--json]`: full-text
 * search in Chinese and English (query language: docs/search.md). People get one block per
 * hit (title, time · feed, snippet with the matches in bold on a terminal or [brackets]
 * otherwise) and the command for the next page; `--json` prints
 * `{"results": [...], "nextCursor"?, "problems": [...]}`. Flags: `--sort` (default relevance),
 * `--limit` 1–1000 (default 20), `--cursor` the nextCursor of a previous page.
 * `searchWithStore` is the same command over a Store, for callers that hold one already.
 */
import { isAppError } from '../domain/errors.ts';
import { markSnippet, searchArticles } from '../search/index.ts';
import type { Store } from '../store/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTime, oneLine } from './format.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings search`, as commander gives them. */
export interface SearchCommandOptions {
  sort?: string;
  limit?: string;
  cursor?: string;
  json?: boolean;
}

/** Runs a search against `store` and prints it; exit 2 for bad flags or a bad cursor. */
export async function searchWithStore(
  io: CliIo,
  store: Pick<Store, 'searchArticles'>,
  query: string,
  options: SearchCommandOptions,
): Promise<number> {
  const sort = options.sort ?? 'relevance';
  if (sort !== 'relevance' && sort !== 'newest') return fail(io, '--sort must be relevance or newest', EXIT.usage);
  const limit = options.limit === undefined ? 20 : Number(options.limit);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000)
    return fail(io, '--limit must be a whole number from 1 to 1000', EXIT.usage);
  let page;
  try {
    page = await searchArticles(store, query, { sort, limit, cursor: options.cursor });
  } catch (error) {
    if (isAppError(error, 'input.invalid')) return fail(io, error.message, EXIT.usage);
    throw error;
  }
  if (options.json === true) {
    printJson(io, page);
    return EXIT.ok;
  }
  for (const problem of page.problems) io.stderr(`tidings: ${problem}\n`);
  if (page.results.length === 0) {
    io.stdout(options.cursor === undefined ? 'No articles found.\n' : 'No more results.\n');
    return EXIT.ok;
  }
  const [open, close] = io.isTty ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  for (const result of page.results) {
    io.stdout(`${result.id}  ${oneLine(result.title ?? '(untitled)', 100)}\n`);
    io.stdout(
      `    ${formatTime(result.time)} · ${oneLine(result.feedTitle ?? `feed ${result.feedId}`, 40)}${result.link === undefined ? '' : ` · ${result.link}`}\n`,
    );
    if (result.snippet.text !== '') io.stdout(`    ${markSnippet(result.snippet, open, close)}\n`);
    io.stdout('\n');
  }
  if (page.nextCursor !== undefined)
    io.stdout(
      `More: tidings search ${JSON.stringify(query)} --sort ${sort} --limit ${limit} --cursor ${page.nextCursor}\n`,
    );
  return EXIT.ok;
}

/** Runs `tidings search`. */
export async function runSearch(
  io: CliIo,
  globals: GlobalOptions,
  query: string,
  options: SearchCommandOptions,
): Promise<number> {
  return withContext(io, globals, (ctx) => searchWithStore(io, ctx.store, query, options));
}
