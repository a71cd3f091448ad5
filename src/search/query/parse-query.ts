/**
 * The query language, parsed into clauses (see docs/search.md): words (all must match),
 * "exact phrase" (also “…”, 「…」, 『…』), `a OR b`, `-exclude`, `prefix*`, and filters
 * `title:`, `author:`, `feed:`, `category:` (each takes a word or a quoted phrase), `lang:`,
 * `before:`, `after:`, `on:`. The text is NFKC-normalized first, so full-width quotes, colons,
 * minus signs and asterisks typed with a CJK input method work as their ASCII forms. Nothing
 * here throws: what cannot be understood (a bad date, an unknown `x:`) becomes plain text or a
 * `problems` message for the caller to show.
 */
import { parseDatePeriod } from './parse-date.ts';

/** The text fields a term can be limited to. */
export type QueryField = 'title' | 'author' | 'feed' | 'category';

/** One term: a word or phrase as typed (not yet folded). */
export interface QueryTerm {
  text: string;
  phrase: boolean;
  prefix: boolean;
  field?: QueryField;
}

/** A clause is one term or several alternatives joined by OR; a negated clause excludes. */
export interface QueryClause {
  terms: QueryTerm[];
  negated: boolean;
}

/** A parsed query. */
export interface ParsedQuery {
  clauses: QueryClause[];
  languages: string[];
  /** Inclusive lower time bound (epoch ms). */
  since?: number;
  /** Exclusive upper time bound (epoch ms). */
  until?: number;
  /** Human-readable notes on parts that were ignored. */
  problems: string[];
}

const QUOTES: Record<string, string> = { '"': '"', '\u201c': '\u201d', '\u300c': '\u300d', '\u300e': '\u300f' };
const TEXT_FIELDS = new Set<string>(['title', 'author', 'feed', 'category']);
const FILTERS = new Set<string>(['lang', 'before', 'after', 'on']);

interface Token {
  text: string;
  quoted: boolean;
  negated: boolean;
  field?: string;
  isOr: boolean;
}

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    while (i < query.length && /\s/u.test(query[i])) i++;
    if (i >= query.length) break;
    let negated = false;
    if (query[i] === '-' && i + 1 < query.length && !/\s/u.test(query[i + 1])) {
      negated = true;
      i++;
    }
    let field: string | undefined;
    const fieldMatch = /^([a-zA-Z]+):(?=\S)/.exec(query.slice(i));
    if (
      fieldMatch !== null &&
      (TEXT_FIELDS.has(fieldMatch[1].toLowerCase()) || FILTERS.has(fieldMatch[1].toLowerCase()))
    ) {
      field = fieldMatch[1].toLowerCase();
      i += fieldMatch[0].length;
    }
    const close = QUOTES[query[i]];
    if (close !== undefined) {
      const end = query.indexOf(close, i + 1);
      const stop = end < 0 ? query.length : end;
      tokens.push({ text: query.slice(i + 1, stop), quoted: true, negated, field, isOr: false });
      i = stop + 1;
      continue;
    }
    let end = i;
    while (end < query.length && !/\s/u.test(query[end]) && QUOTES[query[end]] === undefined) end++;
    const text = query.slice(i, end);
    i = end;
    tokens.push({
      text,
      quoted: false,
      negated,
      field,
      isOr: !negated && field === undefined && (text === 'OR' || text === '|'),
    });
  }
  return tokens;
}

function applyFilter(parsed: ParsedQuery, field: string, value: string): void {
  if (field === 'lang') {
    parsed.languages.push(
      ...value
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter((tag) => tag !== ''),
    );
    return;
  }
  const period = parseDatePeriod(value);
  if (period === undefined) {
    parsed.problems.push(`${field}:${value} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); ignored`);
    return;
  }
  const since = field === 'after' ? period.end : field === 'on' ? period.start : undefined;
  const until = field === 'before' ? period.start : field === 'on' ? period.end : undefined;
  if (since !== undefined) parsed.since = Math.max(parsed.since ?? since, since);
  if (until !== undefined) parsed.until = Math.min(parsed.until ?? until, until);
}

/** Returns the clauses and filters of a query text. */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { clauses: [], languages: [], problems: [] };
  let joinNext = false;
  for (const token of lex(query.normalize('NFKC'))) {
    if (token.isOr) {
      joinNext = parsed.clauses.length > 0 && !parsed.clauses[parsed.clauses.length - 1].negated;
      continue;
    }
    if (token.field !== undefined && FILTERS.has(token.field)) {
      applyFilter(parsed, token.field, token.text);
      joinNext = false;
      continue;
    }
    const prefix = !token.quoted && token.text.length > 1 && token.text.endsWith('*');
    const text = prefix ? token.text.replace(/\*+$/, '') : token.text;
    const term: QueryTerm = { text, phrase: token.quoted, prefix };
    if (token.field !== undefined) term.field = token.field as QueryField;
    const previous = parsed.clauses[parsed.clauses.length - 1];
    if (joinNext && !token.negated && previous !== undefined) previous.terms.push(term);
    else parsed.clauses.push({ terms: [term], negated: token.negated });
    joinNext = false;
  }
  return parsed;
}
