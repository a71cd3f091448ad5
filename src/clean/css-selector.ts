/**
 * The CSS selectors rule packs may use, compiled once when a pack loads. A subset, written
 * here rather than taken from css-select: packs need only type, `*`, `#id`, `.class`,
 * attribute tests (`[a]`, `=`, `~=`, `^=`, `$=`, `*=`, `|=`, optional ` i`), the descendant
 * and child combinators and selector lists; css-select 7 also brings domhandler 6 and
 * domutils 4 while htmlparser2 builds domhandler 5 trees. Anything outside the subset is a
 * load-time error with its position, so a pack never half-works.
 */
// domhandler alone (not ./dom.ts, which loads htmlparser2 and dom-serializer): rule packs are
// compiled at every start, and a warm fetch round should not pay for the HTML parser.
import { Element, type ParentNode } from 'domhandler';

function isElement(node: unknown): node is Element {
  return node instanceof Element;
}

type AttributeTest = { name: string; op: '' | '=' | '~=' | '^=' | '$=' | '*=' | '|='; value: string; fold: boolean };
interface Compound {
  tag: string | undefined;
  ids: string[];
  classes: string[];
  attributes: AttributeTest[];
}
interface Complex {
  compounds: Compound[];
  combinators: Array<' ' | '>'>;
}

/** A compiled selector list. */
export interface CssSelector {
  source: string;
  complexes: Complex[];
}

/** The outcome of compiling a selector. */
export type CompileSelectorResult = { kind: 'ok'; selector: CssSelector } | { kind: 'invalid'; reason: string };

const IDENT = /-?[_a-zA-Z\u00a0-\uffff][-_a-zA-Z0-9\u00a0-\uffff]*/y;
const ATTRIBUTE =
  /\[\s*(-?[_a-zA-Z][-_a-zA-Z0-9:]*)\s*(?:([~^$*|]?=)\s*(?:"([^"]*)"|'([^']*)'|(-?[_a-zA-Z0-9][-_a-zA-Z0-9.]*))\s*(i)?\s*)?\]/y;

function readIdent(source: string, pos: number): string | undefined {
  IDENT.lastIndex = pos;
  return IDENT.exec(source)?.[0];
}

function readCompound(source: string, start: number): { compound: Compound; end: number } | string {
  const compound: Compound = { tag: undefined, ids: [], classes: [], attributes: [] };
  let pos = start;
  if (source[pos] === '*') pos++;
  else {
    const tag = readIdent(source, pos);
    if (tag !== undefined) {
      compound.tag = tag.toLowerCase();
      pos += tag.length;
    }
  }
  for (;;) {
    const c = source[pos];
    if (c === '#' || c === '.') {
      const name = readIdent(source, pos + 1);
      if (name === undefined) return `expected a name after '${c}' at ${pos + 1}`;
      (c === '#' ? compound.ids : compound.classes).push(name);
      pos += 1 + name.length;
    } else if (c === '[') {
      ATTRIBUTE.lastIndex = pos;
      const m = ATTRIBUTE.exec(source);
      if (!m) return `unsupported attribute test at ${pos}`;
      const op = (m[2] ?? '') as AttributeTest['op'];
      compound.attributes.push({ name: m[1].toLowerCase(), op, value: m[3] ?? m[4] ?? m[5] ?? '', fold: m[6] === 'i' });
      pos += m[0].length;
    } else break;
  }
  if (pos === start) return `expected a selector at ${start}`;
  return { compound, end: pos };
}

/** Compiles a selector list in the supported subset; returns why not otherwise. */
export function compileSelector(source: string): CompileSelectorResult {
  const complexes: Complex[] = [];
  let pos = 0;
  const skipSpace = (): boolean => {
    const before = pos;
    while (pos < source.length && /\s/.test(source[pos])) pos++;
    return pos > before;
  };
  skipSpace();
  let current: Complex = { compounds: [], combinators: [] };
  while (pos < source.length) {
    const read = readCompound(source, pos);
    if (typeof read === 'string') return { kind: 'invalid', reason: `selector '${source}': ${read}` };
    current.compounds.push(read.compound);
    pos = read.end;
    const spaced = skipSpace();
    const c = source[pos];
    if (pos >= source.length) break;
    if (c === ',') {
      complexes.push(current);
      current = { compounds: [], combinators: [] };
      pos++;
      skipSpace();
      if (pos >= source.length) return { kind: 'invalid', reason: `selector '${source}': empty selector after ','` };
    } else if (c === '>') {
      current.combinators.push('>');
      pos++;
      skipSpace();
    } else if (spaced) current.combinators.push(' ');
    else return { kind: 'invalid', reason: `selector '${source}': unsupported syntax '${c}' at ${pos}` };
  }
  if (current.compounds.length === 0 || current.combinators.length >= current.compounds.length) {
    return { kind: 'invalid', reason: `selector '${source}' is empty or ends with a combinator` };
  }
  complexes.push(current);
  return { kind: 'ok', selector: { source, complexes } };
}

function testAttribute(element: Element, test: AttributeTest): boolean {
  const raw = element.attribs[test.name];
  if (raw === undefined) return false;
  if (test.op === '') return true;
  const value = test.fold ? raw.toLowerCase() : raw;
  const wanted = test.fold ? test.value.toLowerCase() : test.value;
  switch (test.op) {
    case '=':
      return value === wanted;
    case '~=':
      return value.split(/\s+/).includes(wanted);
    case '^=':
      return wanted !== '' && value.startsWith(wanted);
    case '$=':
      return wanted !== '' && value.endsWith(wanted);
    case '*=':
      return wanted !== '' && value.includes(wanted);
    case '|=':
      return value === wanted || value.startsWith(`${wanted}-`);
  }
}

// Whitespace as String#split(/\s+/) sees it: a class list is split on these.
const CLASS_SEPARATOR = /\s/;

/** Returns true when the class list `classes` holds `name` as one of its whitespace-separated words. */
function hasClass(classes: string, name: string): boolean {
  if (CLASS_SEPARATOR.test(name)) return false;
  for (let at = classes.indexOf(name); at !== -1; at = classes.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (
      (at === 0 || CLASS_SEPARATOR.test(classes[at - 1])) &&
      (end === classes.length || CLASS_SEPARATOR.test(classes[end]))
    )
      return true;
  }
  return false;
}

function matchCompound(element: Element, compound: Compound): boolean {
  if (compound.tag !== undefined && element.name !== compound.tag) return false;
  for (const id of compound.ids) if (element.attribs.id !== id) return false;
  if (compound.classes.length > 0) {
    const classes = element.attribs.class;
    if (classes === undefined) return false;
    for (const name of compound.classes) if (!hasClass(classes, name)) return false;
  }
  for (const test of compound.attributes) if (!testAttribute(element, test)) return false;
  return true;
}

function parentElement(element: Element): Element | undefined {
  return isElement(element.parent) ? element.parent : undefined;
}

function matchFrom(element: Element, complex: Complex, index: number): boolean {
  if (!matchCompound(element, complex.compounds[index])) return false;
  if (index === 0) return true;
  const combinator = complex.combinators[index - 1];
  let ancestor = parentElement(element);
  if (combinator === '>') return ancestor !== undefined && matchFrom(ancestor, complex, index - 1);
  for (; ancestor; ancestor = parentElement(ancestor)) if (matchFrom(ancestor, complex, index - 1)) return true;
  return false;
}

/** Returns true when `element` matches `selector`. */
export function matchesSelector(element: Element, selector: CssSelector): boolean {
  for (const complex of selector.complexes) if (matchFrom(element, complex, complex.compounds.length - 1)) return true;
  return false;
}

// The tag names a selector's matches can have (each complex's last compound names one), or undefined for any tag:
// elements of other names are passed over with one lookup instead of a test per complex.
const subjectTags = new WeakMap<CssSelector, ReadonlySet<string> | null>();

function subjectTagsOf(selector: CssSelector): ReadonlySet<string> | null {
  let tags = subjectTags.get(selector);
  if (tags === undefined) {
    const names = selector.complexes.map((complex) => complex.compounds[complex.compounds.length - 1].tag);
    tags = names.every((name) => name !== undefined) ? new Set(names as string[]) : null;
    subjectTags.set(selector, tags);
  }
  return tags;
}

/** Returns every element under `root` matching `selector`, in document order, outermost only once per match. */
export function selectAll(root: ParentNode, selector: CssSelector): Element[] {
  const found: Element[] = [];
  collectMatches(root, selector, subjectTagsOf(selector), found);
  return found;
}

function collectMatches(
  parent: ParentNode,
  selector: CssSelector,
  tags: ReadonlySet<string> | null,
  found: Element[],
): void {
  for (const child of parent.children) {
    if (!isElement(child)) continue;
    if ((tags === null || tags.has(child.name)) && matchesSelector(child, selector)) found.push(child);
    collectMatches(child, selector, tags, found);
  }
}
