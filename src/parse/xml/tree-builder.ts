/**
 * Builds the XmlElement tree from start tags, end tags and text, recovering the way browsers
 * and lenient feed parsers do: a mismatched end tag closes the open elements above its match,
 * a stray one is dropped, elements too deep are flattened into their ancestor, and whatever is
 * still open at the end is closed. Namespaces and xml:base are resolved as elements open.
 */
import { resolveUrl } from '../../util/resolve-url.ts';
import { canonicalNamespace, NS, WELL_KNOWN_PREFIXES } from './namespaces.ts';
import type { ProblemLog } from './problem-log.ts';
import type { XmlElement, XmlLimits, XmlNode } from './types.ts';

type Prefixes = Readonly<Record<string, string>>;

interface MutableElement {
  name: string;
  local: string;
  ns: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  base: string | undefined;
  parent: XmlElement | null;
}

interface Frame {
  name: string;
  /** The element text goes to: this frame's element, or its nearest kept ancestor. */
  target: MutableElement | null;
  prefixes: Prefixes;
  base: string | undefined;
}

const EMPTY_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;
const ROOT_PREFIXES: Prefixes = Object.freeze({ xml: NS.XML });
/** How far down the open-element stack an end tag looks for its start tag (keeps recovery linear). */
const MATCH_WINDOW = 64;

/** Assembles the tree; the scanner feeds it. */
export class TreeBuilder {
  root: XmlElement | null = null;
  private readonly stack: Frame[] = [];
  private rootClosed = false;

  constructor(
    private readonly baseUrl: string | undefined,
    private readonly limits: XmlLimits,
    private readonly problems: ProblemLog,
  ) {}

  /** True when text at this point belongs to an element (so it is worth decoding). */
  get acceptsText(): boolean {
    return this.stack.length > 0 && this.stack[this.stack.length - 1].target !== null;
  }

  /** Opens an element; `attrs` is a flat [name, value, name, value…] list or null. */
  open(name: string, attrs: string[] | null, selfClosing: boolean, offset: number): void {
    const parent = this.stack.length > 0 ? this.stack[this.stack.length - 1] : undefined;
    if (parent === undefined && this.rootClosed) {
      this.problems.add('content after the document element ignored', offset);
      if (!selfClosing) this.stack.push({ name, target: null, prefixes: ROOT_PREFIXES, base: undefined });
      return;
    }
    if (parent !== undefined && parent.target === null) {
      if (!selfClosing) this.stack.push({ name, target: null, prefixes: parent.prefixes, base: parent.base });
      return;
    }
    let prefixes = parent?.prefixes ?? ROOT_PREFIXES;
    let base = parent?.base ?? this.baseUrl;
    let record = EMPTY_ATTRS;
    if (attrs !== null) {
      record = {};
      const max = Math.min(attrs.length, this.limits.maxAttributes * 2);
      if (attrs.length > max) this.problems.add('too many attributes; extra ones dropped', offset);
      for (let i = 0; i < max; i += 2) {
        const key = attrs[i];
        const value = attrs[i + 1];
        if (key in record) {
          this.problems.add(`duplicate attribute ${key} ignored`, offset);
          continue;
        }
        record[key] = value;
        if (key.charCodeAt(0) === 120 /* x */) {
          if (key === 'xmlns' || key.startsWith('xmlns:')) {
            if (prefixes === (parent?.prefixes ?? ROOT_PREFIXES)) prefixes = { ...prefixes };
            (prefixes as Record<string, string>)[key.length === 5 ? '' : key.slice(6)] = canonicalNamespace(
              value.trim(),
            );
          } else if (key === 'xml:base') {
            base = resolveUrl(value, base);
          }
        }
      }
    }
    const colon = name.indexOf(':');
    const prefix = colon > 0 ? name.slice(0, colon) : '';
    const local = colon > 0 ? name.slice(colon + 1) : name;
    let ns = prefixes[prefix];
    if (ns === undefined) {
      if (prefix === '') ns = '';
      else {
        ns = WELL_KNOWN_PREFIXES[prefix] ?? '';
        this.problems.add(`undeclared namespace prefix ${prefix}:`, offset);
      }
    }
    if (this.stack.length >= this.limits.maxDepth) {
      this.problems.add('elements nested too deep; flattened', offset);
      if (!selfClosing) this.stack.push({ name, target: parent?.target ?? null, prefixes, base });
      return;
    }
    if (!selfClosing && (local === 'item' || local === 'entry') && this.closeOpenSibling(name, offset)) {
      this.open(name, attrs, selfClosing, offset);
      return;
    }
    const parentElement = parent?.target ?? null;
    const element: MutableElement = { name, local, ns, attrs: record, children: [], base, parent: parentElement };
    if (parentElement === null) this.root = element;
    else parentElement.children.push(element);
    if (selfClosing) {
      if (parent === undefined) this.rootClosed = true;
    } else {
      this.stack.push({ name, target: element, prefixes, base });
    }
  }

  /** Closes the element named `name`, recovering from mismatches. */
  close(name: string, offset: number): void {
    const stack = this.stack;
    const top = stack.length - 1;
    if (top >= 0 && stack[top].name === name) {
      stack.pop();
      if (stack.length === 0) this.rootClosed = true;
      return;
    }
    const floor = Math.max(0, top - MATCH_WINDOW);
    for (let i = top - 1; i >= floor; i--) {
      if (stack[i].name === name) {
        for (let j = top; j > i; j--) {
          this.problems.add(`<${stack[j].name}> not closed`, offset);
          hoistVoidContent(stack[j].target);
        }
        stack.length = i;
        if (i === 0) this.rootClosed = true;
        return;
      }
    }
    this.problems.add(`stray end tag </${name}> ignored`, offset);
  }

  /**
   * Feed items never nest: an `<item>` or `<entry>` that opens while one of the same name is
   * still open means the earlier one was left unclosed, so it is closed first (as HTML's
   * implied end tags do). Returns true when it closed something.
   */
  private closeOpenSibling(name: string, offset: number): boolean {
    const stack = this.stack;
    const floor = Math.max(0, stack.length - MATCH_WINDOW);
    for (let i = stack.length - 1; i >= floor; i--) {
      if (stack[i].name === name && stack[i].target !== null) {
        this.problems.add(`<${name}> not closed before the next one`, offset);
        this.close(name, offset);
        if (stack.length > i) stack.length = i;
        return true;
      }
    }
    return false;
  }

  /** Appends decoded character data to the current element. */
  text(value: string, offset: number): void {
    const frame = this.stack.length > 0 ? this.stack[this.stack.length - 1] : undefined;
    if (frame === undefined) {
      if (!isBlank(value)) this.problems.add('text outside the document element ignored', offset);
      return;
    }
    const target = frame.target;
    if (target === null) return;
    const children = target.children;
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === 'string') children[last] = (children[last] as string) + value;
    else children.push(value);
  }

  /** Closes everything still open at the end of the input. */
  finish(offset: number): void {
    if (this.stack.length > 0) {
      this.problems.add(`document ended with ${this.stack.length} element(s) open (truncated?)`, offset);
      this.stack.length = 0;
    }
    if (this.root === null) this.problems.add('no document element found', offset);
  }
}

const HTML_VOID = new Set([
  'br',
  'hr',
  'img',
  'wbr',
  'input',
  'meta',
  'area',
  'col',
  'embed',
  'source',
  'track',
  'param',
]);

/** An unclosed HTML void element (`Hello<br>world` in an RSS description) gives its content back to its parent. */
function hoistVoidContent(element: MutableElement | null): void {
  if (
    element === null ||
    element.children.length === 0 ||
    element.ns !== '' ||
    !HTML_VOID.has(element.local.toLowerCase())
  )
    return;
  const parent = element.parent as MutableElement | null;
  if (parent === null) return;
  const moved = element.children.splice(0);
  for (const child of moved) if (typeof child !== 'string') (child as MutableElement).parent = parent;
  const at = parent.children.lastIndexOf(element);
  parent.children.splice(at + 1, 0, ...moved);
}

/** Returns true when `value` is only XML whitespace. */
export function isBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}
