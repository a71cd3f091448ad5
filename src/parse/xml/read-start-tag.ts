/**
 * Scans one start tag (`<name attr="v" …>` or `…/>`) from the document text. Lenient as
 * browsers are: unquoted values, attributes without values and a `<` that ends a broken
 * tag are accepted, and each is reported.
 */
import type { DeclaredEntities } from './entities.ts';
import { decodeEntities } from './entities.ts';
import type { ProblemLog } from './problem-log.ts';
import type { TextSlicer } from './text-slicer.ts';

/** A scanned start tag. */
export interface StartTag {
  name: string;
  /** Flat [name, value, …] list, or null when the tag has no attributes. */
  attrs: string[] | null;
  selfClosing: boolean;
  /** Offset just after the tag. */
  end: number;
  /** False when the input ended inside the tag. */
  complete: boolean;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

/** Reads the start tag whose `<` is at `lt`. */
export function readStartTag(
  text: string,
  lt: number,
  problems: ProblemLog,
  dtd: DeclaredEntities | undefined,
  maxAttributeLength: number,
  slice: TextSlicer = (from, to) => text.slice(from, to),
): StartTag {
  const len = text.length;
  let p = lt + 1;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (isSpace(c) || c === 62 || c === 47 || c === 60) break;
    p++;
  }
  const tag: StartTag = { name: slice(lt + 1, p), attrs: null, selfClosing: false, end: len, complete: false };
  for (;;) {
    while (p < len && isSpace(text.charCodeAt(p))) p++;
    if (p >= len) {
      problems.add(`input ended inside <${tag.name}>`, lt);
      return tag;
    }
    const c = text.charCodeAt(p);
    if (c === 62 /* > */) {
      tag.end = p + 1;
      tag.complete = true;
      return tag;
    }
    if (c === 47 /* / */) {
      if (text.charCodeAt(p + 1) === 62) {
        tag.selfClosing = true;
        tag.end = p + 2;
        tag.complete = true;
        return tag;
      }
      p++;
      continue;
    }
    if (c === 60 /* < */) {
      problems.add(`<${tag.name}> tag not closed with '>'`, lt);
      tag.end = p;
      tag.complete = true;
      return tag;
    }
    const nameStart = p;
    while (p < len) {
      const d = text.charCodeAt(p);
      if (isSpace(d) || d === 61 || d === 62 || d === 47 || d === 60) break;
      p++;
    }
    if (p === nameStart) {
      // A lone '=' or similar junk: skip one character.
      problems.add(`junk in <${tag.name}> tag ignored`, p);
      p++;
      continue;
    }
    const attrName = slice(nameStart, p);
    while (p < len && isSpace(text.charCodeAt(p))) p++;
    let value = '';
    if (text.charCodeAt(p) === 61 /* = */) {
      p++;
      while (p < len && isSpace(text.charCodeAt(p))) p++;
      const q = text.charCodeAt(p);
      if (q === 34 || q === 39) {
        const close = text.indexOf(q === 34 ? '"' : "'", p + 1);
        if (close === -1) {
          problems.add(`input ended inside an attribute of <${tag.name}>`, p);
          return tag;
        }
        value = slice(p + 1, close);
        p = close + 1;
      } else {
        const start = p;
        while (p < len) {
          const d = text.charCodeAt(p);
          if (isSpace(d) || d === 62) break;
          p++;
        }
        value = slice(start, p);
        problems.add('unquoted attribute value', start);
      }
    } else {
      problems.add(`attribute ${attrName} without a value`, nameStart);
    }
    if (value.length > maxAttributeLength) {
      problems.add('attribute value too long; cut', nameStart);
      value = value.slice(0, maxAttributeLength);
    }
    (tag.attrs ??= []).push(attrName, decodeEntities(value, nameStart, problems, dtd));
  }
}
