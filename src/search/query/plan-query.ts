/**
 * Turns a parsed query into the store's search request: every term folded and tokenized by
 * tokenize/ exactly as articles were at index time. A term is one phrase (a quoted
 * phrase, or a word such as `2024年` that splits into several units). CJK runs of 1–4
 * characters are exact substrings; an unquoted run longer than that is split into words by
 * jieba and each word must occur (上海房价上涨 → 上海 · 房价 · 上涨), since a long run typed
 * without quotes is a list of words more often than a quotation. Quote it for the exact string.
 */
import type { MatchNode, SearchField, SearchRequest } from '../../store/search-types.ts';
import { exactHint, pairTokens, phraseTokens, queryUnits } from '../../tokenize/index-tokens.ts';
import type { TextUnit } from '../../tokenize/split-units.ts';
import type { ParsedQuery, QueryTerm } from './parse-query.ts';
import { segmentWords } from './segment-words.ts';

/** The longest unquoted CJK run searched as one exact string. */
export const MAX_EXACT_RUN = 4;

/** The match part of a search request. */
export type QueryPlan = Pick<SearchRequest, 'match' | 'exclude' | 'languages' | 'since' | 'until'>;

function phraseNode(units: TextUnit[], prefix: boolean, fields: SearchField[] | undefined): MatchNode | undefined {
  const tokens = phraseTokens(units, prefix);
  if (tokens.length === 0) return undefined;
  const node: MatchNode = { kind: 'phrase', tokens };
  if (fields !== undefined) node.fields = fields;
  const hints = pairTokens(units, prefix);
  if (hints.length > 0) node.hints = hints;
  const exact = exactHint(tokens, hints);
  if (exact !== undefined) node.exact = exact;
  return node;
}

function termNode(term: QueryTerm): MatchNode | undefined {
  const fields: SearchField[] | undefined = term.field === undefined ? undefined : [term.field];
  const units = queryUnits(term.text);
  if (term.phrase) return phraseNode(units, false, fields);
  const parts: MatchNode[] = [];
  let pending: TextUnit[] = [];
  const flush = (prefix: boolean) => {
    const node = phraseNode(pending, prefix, fields);
    if (node !== undefined) parts.push(node);
    pending = [];
  };
  for (const unit of units) {
    if (unit.kind === 'cjk' && unit.chars.length > MAX_EXACT_RUN) {
      flush(false);
      for (const word of segmentWords(unit.chars.join(''))) {
        pending = queryUnits(word);
        flush(false);
      }
    } else {
      pending.push(unit);
    }
  }
  flush(term.prefix);
  if (parts.length <= 1) return parts[0];
  return { kind: 'and', nodes: parts };
}

function combine(kind: 'and' | 'or', nodes: MatchNode[]): MatchNode | undefined {
  const flat = nodes.flatMap((node) => (node.kind === kind ? node.nodes : [node]));
  if (flat.length <= 1) return flat[0];
  return { kind, nodes: flat };
}

/** Returns the store request parts of a parsed query; `match` is absent when no term has searchable text. */
export function planQuery(parsed: ParsedQuery): QueryPlan {
  const positive: MatchNode[] = [];
  const exclude: MatchNode[] = [];
  for (const clause of parsed.clauses) {
    const node = combine(
      'or',
      clause.terms.flatMap((term) => termNode(term) ?? []),
    );
    if (node === undefined) continue;
    (clause.negated ? exclude : positive).push(node);
  }
  const plan: QueryPlan = {};
  const match = combine('and', positive);
  if (match !== undefined) plan.match = match;
  if (exclude.length > 0) plan.exclude = exclude;
  if (parsed.languages.length > 0) plan.languages = parsed.languages;
  if (parsed.since !== undefined) plan.since = parsed.since;
  if (parsed.until !== undefined) plan.until = parsed.until;
  return plan;
}
