/**
 * Character and entity references in XML text. Feeds routinely use HTML named entities
 * (`&nbsp;`, `&eacute;`) without declaring a DTD, so after the five XML entities and any
 * internal-DTD ones, names resolve through the HTML5 table of the `entities` package
 * (fb55's, the one htmlparser2 uses), imported from `entities/decode` as everywhere on the
 * parse path: the package root also loads its encoder tables, which every `tidings parse`
 * would pay at start-up. Internal-DTD expansion is bounded (no billion laughs); external
 * entities are never fetched.
 *
 * Why the fast path: escaped HTML bodies (`&lt;p&gt;`, `&quot;`, `&#8217;`) are the hot case of
 * bench:parse. The five XML entities and numeric references are matched by character codes,
 * and the pieces collected in an array joined once, instead of a regex replace building a rope
 * that must be flattened later (bench/README.md, "Measurements behind the parser's shape").
 */
import { decodeHTMLStrict } from 'entities/decode';
import type { ProblemLog } from './problem-log.ts';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const htmlCache = new Map<string, string | null>();
const MAX_NAME = 40;

/** Entities declared in a document's internal DTD subset. */
export interface DeclaredEntities {
  /** Replacement text by name; null for external entities (never loaded). */
  readonly values: Map<string, string | null>;
  /** Characters still allowed to be produced by expansion. */
  budget: number;
}

/** Returns the character an HTML5 named entity stands for, or undefined when there is none. */
export function htmlEntity(name: string): string | undefined {
  let hit = htmlCache.get(name);
  if (hit === undefined) {
    const ref = `&${name};`;
    const decoded = decodeHTMLStrict(ref);
    hit = decoded === ref ? null : decoded;
    if (htmlCache.size < 4096) htmlCache.set(name, hit);
  }
  return hit ?? undefined;
}

function codePointText(code: number): string {
  if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

function isDigit(c: number, hex: boolean): boolean {
  if (c >= 48 && c <= 57) return true;
  return hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70));
}

function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 45 ||
    c === 46 ||
    c === 58
  );
}

/**
 * Returns `raw` with character and entity references replaced; an unknown or unterminated
 * reference is kept literally and reported at `offset`.
 */
export function decodeEntities(
  raw: string,
  offset: number,
  problems: ProblemLog,
  dtd?: DeclaredEntities,
  depth = 0,
): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  const parts: string[] = [];
  let from = 0;
  while (amp !== -1) {
    if (amp > from) parts.push(raw.slice(from, amp));
    const fast = readCommonReference(raw, amp);
    if (fast !== undefined) {
      parts.push(fast);
      from = amp + COMMON_LENGTH[fast];
    } else {
      const replaced = decodeOneReference(raw, amp, offset, problems, dtd, depth);
      if (replaced === null) {
        parts.push('&');
        from = amp + 1;
      } else {
        parts.push(replaced.text);
        from = replaced.end;
      }
    }
    amp = raw.indexOf('&', from);
  }
  if (from < raw.length) parts.push(raw.slice(from));
  return parts.join('');
}

/** Length of the reference each fast-path replacement came from. */
const COMMON_LENGTH: Record<string, number> = { '<': 4, '>': 4, '&': 5, '"': 6, "'": 6 };

/** Returns the character of `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` at `amp`, or undefined for any other reference. */
function readCommonReference(raw: string, amp: number): string | undefined {
  const c = raw.charCodeAt(amp + 1);
  if (c === 108 /* l */ || c === 103 /* g */) {
    if (raw.charCodeAt(amp + 2) === 116 /* t */ && raw.charCodeAt(amp + 3) === 59 /* ; */) return c === 108 ? '<' : '>';
  } else if (c === 97 /* a */) {
    if (raw.startsWith('mp;', amp + 2)) return '&';
    if (raw.startsWith('pos;', amp + 2)) return "'";
  } else if (c === 113 /* q */) {
    if (raw.startsWith('uot;', amp + 2)) return '"';
  }
  return undefined;
}

/** Returns the value of the digits in raw[start, end) (base 16 when `hex`), already checked by isDigit. */
function readNumber(raw: string, start: number, end: number, hex: boolean): number {
  let code = 0;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i) | 32;
    code = hex ? code * 16 + (c <= 57 ? c - 48 : c - 87) : code * 10 + c - 48;
  }
  return code;
}

function decodeOneReference(
  raw: string,
  amp: number,
  offset: number,
  problems: ProblemLog,
  dtd: DeclaredEntities | undefined,
  depth: number,
): { text: string; end: number } | null {
  let i = amp + 1;
  if (raw.charCodeAt(i) === 35 /* # */) {
    const hex = raw.charCodeAt(i + 1) === 120 || raw.charCodeAt(i + 1) === 88;
    const start = hex ? i + 2 : i + 1;
    let j = start;
    while (j < raw.length && j - start < 8 && isDigit(raw.charCodeAt(j), hex)) j++;
    if (j === start || raw.charCodeAt(j) !== 59 /* ; */) {
      problems.add('malformed character reference kept as text', offset + amp);
      return null;
    }
    return { text: codePointText(readNumber(raw, start, j, hex)), end: j + 1 };
  }
  while (i < raw.length && i - amp <= MAX_NAME && isNameChar(raw.charCodeAt(i))) i++;
  if (i === amp + 1 || raw.charCodeAt(i) !== 59) {
    problems.add("unescaped '&' kept as text", offset + amp);
    return null;
  }
  const name = raw.slice(amp + 1, i);
  const end = i + 1;
  const xml = XML_ENTITIES[name];
  if (xml !== undefined) return { text: xml, end };
  if (dtd?.values.has(name)) return { text: expandDeclared(name, dtd, offset + amp, problems, depth), end };
  const html = htmlEntity(name);
  if (html !== undefined) {
    problems.add(`undeclared entity &${name}; read as HTML`, offset + amp);
    return { text: html, end };
  }
  problems.add(`undefined entity &${name}; kept as text`, offset + amp);
  return null;
}

function expandDeclared(
  name: string,
  dtd: DeclaredEntities,
  offset: number,
  problems: ProblemLog,
  depth: number,
): string {
  if (dtd.budget <= 0) {
    problems.add('entity expansion limit reached; rest not expanded', offset);
    return '';
  }
  dtd.budget -= 1; // every expansion costs at least one unit, so empty entities cannot nest forever
  const value = dtd.values.get(name);
  if (value === null || value === undefined) {
    problems.add(`external entity &${name}; not loaded`, offset);
    return '';
  }
  if (depth >= 16) {
    problems.add('entity nesting too deep; not expanded', offset);
    return '';
  }
  const expanded = decodeEntities(value, offset, problems, dtd, depth + 1);
  if (expanded.length > dtd.budget) {
    dtd.budget = 0;
    problems.add('entity expansion limit reached; rest not expanded', offset);
    return '';
  }
  dtd.budget -= expanded.length;
  return expanded;
}
