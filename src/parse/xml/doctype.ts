/**
 * Reads a `<!DOCTYPE …>` declaration: its public and system identifiers (RSS 0.91 Netscape
 * is told apart by its public id) and the general entities of its internal subset. Nothing
 * external is ever fetched; parameter entities are not expanded.
 */
import type { ProblemLog } from './problem-log.ts';

/** What a DOCTYPE declared, and where it ends. */
export interface Doctype {
  /** Offset just after the declaration's closing `>`. */
  end: number;
  name?: string;
  publicId?: string;
  systemId?: string;
  /** General entities: replacement text, or null for an external entity. */
  entities: Map<string, string | null>;
}

const MAX_ENTITIES = 1000;

/** The ISO Latin-1 entities (U+00A0…U+00FF, in order) that the Netscape RSS 0.91 DTD declares. */
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml'
).split(' ');

/** Adds the entities an external DTD we know declares (without loading it): RSS 0.91's Latin-1 set. */
function addKnownDtdEntities(doctype: Doctype): void {
  if (!doctype.publicId?.includes('Netscape Communications//DTD RSS 0.91')) return;
  LATIN1_NAMES.forEach((name, i) => {
    if (!doctype.entities.has(name)) doctype.entities.set(name, String.fromCharCode(0xa0 + i));
  });
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

function readQuoted(text: string, i: number): { value: string; end: number } | undefined {
  const quote = text[i];
  if (quote !== '"' && quote !== "'") return undefined;
  const close = text.indexOf(quote, i + 1);
  if (close === -1) return undefined;
  return { value: text.slice(i + 1, close), end: close + 1 };
}

function readName(text: string, i: number): { value: string; end: number } {
  let j = i;
  while (j < text.length && !/[\s>[\]"'%]/.test(text[j])) j++;
  return { value: text.slice(i, j), end: j };
}

/** Skips a markup declaration starting at `i` (just after `<!`), honouring quotes; returns the offset after its `>`. */
function skipDeclaration(text: string, i: number): number {
  while (i < text.length) {
    const c = text[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return text.length;
      i = close + 1;
    } else i++;
  }
  return text.length;
}

function readEntity(text: string, i: number, entities: Map<string, string | null>, problems: ProblemLog): number {
  let p = skipSpace(text, i);
  if (text[p] === '%') {
    problems.note('parameter entity in DTD ignored', p);
    return skipDeclaration(text, p);
  }
  const name = readName(text, p);
  p = skipSpace(text, name.end);
  const literal = readQuoted(text, p);
  if (literal !== undefined) {
    if (!entities.has(name.value) && entities.size < MAX_ENTITIES) entities.set(name.value, literal.value);
    return skipDeclaration(text, literal.end);
  }
  problems.note(`external entity &${name.value}; declared; it will not be loaded`, p);
  if (!entities.has(name.value) && entities.size < MAX_ENTITIES) entities.set(name.value, null);
  return skipDeclaration(text, p);
}

function readInternalSubset(
  text: string,
  i: number,
  entities: Map<string, string | null>,
  problems: ProblemLog,
): number {
  while (i < text.length) {
    const c = text[i];
    if (c === ']') return i + 1;
    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = close === -1 ? text.length : close + 3;
    } else if (text.startsWith('<!ENTITY', i)) {
      i = readEntity(text, i + 8, entities, problems);
    } else if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (text.startsWith('<!', i)) {
      i = skipDeclaration(text, i + 2);
    } else i++;
  }
  problems.add('unterminated DOCTYPE', i);
  return text.length;
}

/** Reads the DOCTYPE that starts at `start` (the `<` of `<!DOCTYPE`). */
export function readDoctype(text: string, start: number, problems: ProblemLog): Doctype {
  const entities = new Map<string, string | null>();
  let p = skipSpace(text, start + 9);
  const name = readName(text, p);
  const doctype: Doctype = { end: text.length, entities, name: name.value || undefined };
  p = skipSpace(text, name.end);
  const keyword = text.slice(p, p + 6).toUpperCase();
  if (keyword === 'PUBLIC' || keyword === 'SYSTEM') {
    p = skipSpace(text, p + 6);
    const first = readQuoted(text, p);
    if (first !== undefined) {
      p = skipSpace(text, first.end);
      const second = keyword === 'PUBLIC' ? readQuoted(text, p) : undefined;
      if (keyword === 'PUBLIC') doctype.publicId = first.value;
      else doctype.systemId = first.value;
      if (second !== undefined) {
        doctype.systemId = second.value;
        p = skipSpace(text, second.end);
      }
    }
  }
  addKnownDtdEntities(doctype);
  if (text[p] === '[') p = skipSpace(text, readInternalSubset(text, p + 1, entities, problems));
  const close = text.indexOf('>', p);
  doctype.end = close === -1 ? text.length : close + 1;
  if (close === -1) problems.add('unterminated DOCTYPE', p);
  return doctype;
}
