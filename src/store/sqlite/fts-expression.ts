/**
 * Translates the store's back-end-neutral match tree into an FTS5 MATCH expression. Every
 * token is quoted ("…", with " doubled), so nothing a user typed is ever read as FTS5 syntax;
 * a phrase is its tokens joined by `+` (FTS5's adjacency operator); fields become a column
 * filter `{title body} : (…)`; pair hints are ANDed with their phrase. A phrase without fields
 * searches the five text columns, never `pairs`; one whose `exact` hint stands for it (a pair or
 * gram of two tokens) is that hint alone, a single list with no positions to check. The `pairs`
 * column only holds tokens no phrase token can equal (pairs and grams of two or more characters
 * with `_` or CJK, date tokens starting with `_`; never one word, one character or a lone `_`), so
 * a phrase without fields and without a prefix token needs no column filter: FTS5 then skips
 * checking each position's column, a third of a long phrase check ("经济政策" at 1M).
 */
import type { MatchNode, SearchField, SearchToken } from '../search-types.ts';

const TEXT_COLUMNS: readonly SearchField[] = ['body', 'title', 'author', 'feed', 'category'];

function quote(token: SearchToken): string {
  const quoted = `"${token.text.replace(/"/g, '""')}"`;
  return token.prefix === true ? `${quoted} *` : quoted;
}

/** Returns the FTS5 expression of one match node. */
export function ftsExpression(node: MatchNode): string {
  switch (node.kind) {
    case 'phrase': {
      const fielded = node.fields !== undefined && node.fields.length > 0;
      if (node.exact !== undefined && !fielded) return `{pairs} : "${node.exact.replace(/"/g, '""')}"`;
      const tokens = `(${node.tokens.map(quote).join(' + ')})`;
      const anyColumn = !fielded && !node.tokens.some((token) => token.prefix === true);
      const phrase = anyColumn ? tokens : `{${(fielded ? (node.fields ?? []) : TEXT_COLUMNS).join(' ')}} : ${tokens}`;
      const hints = (node.hints ?? []).map((hint) => `"${hint.replace(/"/g, '""')}"`);
      return hints.length === 0 ? phrase : `(${[phrase, ...hints].join(' AND ')})`;
    }
    case 'and':
      return `(${node.nodes.map(ftsExpression).join(' AND ')})`;
    case 'or':
      return `(${node.nodes.map(ftsExpression).join(' OR ')})`;
  }
}

/** Returns an FTS5 expression true when the title holds any of the phrases (the title bonus of search-scoring.ts), or undefined for none. */
export function titleExpression(phrases: readonly SearchToken[][]): string | undefined {
  const held = phrases
    .filter((phrase) => phrase.length > 0)
    .map((phrase) => `{title} : (${phrase.map(quote).join(' + ')})`);
  return held.length === 0 ? undefined : `(${held.join(' OR ')})`;
}

/** Returns the FTS5 expression of a search: the match, minus each exclusion. */
export function ftsQuery(match: MatchNode, exclude: readonly MatchNode[] = []): string {
  return [ftsExpression(match), ...exclude.map((node) => `NOT ${ftsExpression(node)}`)].join(' ');
}
