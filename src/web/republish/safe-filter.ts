/**
 * RSSHub's `filter` / `filterout`: keep (or drop) the items whose title and text match a
 * regular expression the URL carries. A pattern from a URL is untrusted and JavaScript's
 * backtracking engine can take exponential time (`(a+)+$`), so the pattern is capped at
 * 256 characters, each item's text at 4,000, and the whole filtering runs in one `node:vm`
 * call with a time limit (V8 interrupts a running regular expression when the limit is
 * hit); a pattern that exceeds it is refused as `input.invalid`. No RE2 binding is needed.
 * Patterns are compiled without the `u` flag, as RSSHub does, so its users' patterns work here.
 */
import { createContext, runInContext } from 'node:vm';
import { AppError } from '../../domain/errors.ts';

/** The longest pattern accepted. */
export const MAX_PATTERN_LENGTH = 256;

/** How much of each item's text is matched. */
export const MAX_FILTER_TEXT = 4000;

/** The time all matching of one request may take. */
export const FILTER_TIME_LIMIT_MS = 250;

/** What to keep: items matching `filter` (when given) and not matching `filterout` (when given). */
export interface ItemFilter {
  filter?: string;
  filterout?: string;
  caseSensitive: boolean;
}

const SCRIPT = `(() => {
  const flags = caseSensitive ? '' : 'i';
  const keep = filter === undefined ? undefined : new RegExp(filter, flags);
  const drop = filterout === undefined ? undefined : new RegExp(filterout, flags);
  return texts.map((text) => (keep === undefined || keep.test(text)) && (drop === undefined || !drop.test(text)));
})()`;

/** Throws AppError `input.invalid` unless `pattern` is a usable regular expression of at most 256 characters. */
export function checkPattern(pattern: string, name: string): void {
  if (pattern.length > MAX_PATTERN_LENGTH)
    throw new AppError('input.invalid', `${name} may have at most ${MAX_PATTERN_LENGTH} characters`);
  try {
    new RegExp(pattern);
  } catch (error) {
    throw new AppError('input.invalid', `${name} is not a valid regular expression: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Returns which texts pass the filter, in order; throws AppError `input.invalid` for a bad or too slow pattern. */
export function matchFilter(texts: readonly string[], filter: ItemFilter): boolean[] {
  if (filter.filter === undefined && filter.filterout === undefined) return texts.map(() => true);
  if (filter.filter !== undefined) checkPattern(filter.filter, 'filter');
  if (filter.filterout !== undefined) checkPattern(filter.filterout, 'filterout');
  const sandbox = createContext({
    texts: texts.map((text) => text.slice(0, MAX_FILTER_TEXT)),
    filter: filter.filter,
    filterout: filter.filterout,
    caseSensitive: filter.caseSensitive,
  });
  try {
    const result = runInContext(SCRIPT, sandbox, { timeout: FILTER_TIME_LIMIT_MS }) as unknown;
    return Array.isArray(result) ? result.map((value) => value === true) : texts.map(() => false);
  } catch (error) {
    throw new AppError('input.invalid', 'the filter pattern takes too long to match; simplify it', { cause: error });
  }
}
