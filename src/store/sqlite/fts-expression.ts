/**
 * Translates the store's back-end-neutral match tree into an FTS5 MATCH expression. Every
 * token is quoted ("…", with " doubled), so nothing a user typed is ever read as FTS5 syntax;
 * a phrase is its tokens joined by `+` (FTS5's adjacency operator); fields become a column
 * filter `{title body} : (…)`; pair hints are ANDed with their phrase. A phrase without fields
 * searches the five text columns, never `pairs`.
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
      const columns = node.fields !== undefined && node.fields.length > 0 ? node.fields : TEXT_COLUMNS;
      const phrase = `{${columns.join(' ')}} : (${node.tokens.map(quote).join(' + ')})`;
      const hints = (node.hints ?? []).map((hint) => `"${hint.replace(/"/g, '""')}"`);
      return hints.length === 0 ? phrase : `(${[phrase, ...hints].join(' AND ')})`;
    }
    case 'and':
      return `(${node.nodes.map(ftsExpression).join(' AND ')})`;
    case 'or':
      return `(${node.nodes.map(ftsExpression).join(' OR ')})`;
  }
}

/** Returns the FTS5 expression of a search: the match, minus each exclusion. */
export function ftsQuery(match: MatchNode, exclude: readonly MatchNode[] = []): string {
  return [ftsExpression(match), ...exclude.map((node) => `NOT ${ftsExpression(node)}`)].join(' ');
}
