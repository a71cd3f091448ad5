/**
 * The one tree every cleaning step works on: htmlparser2 builds a domhandler tree, and
 * dom-serializer writes it back. Not linkedom: it builds a full DOM (style sheets, live
 * collections) that the steps never use, and was about three times slower on the reference
 * article, with a far longer tail (bench/README.md, "Cleaning: htmlparser2 and domhandler, not
 * linkedom"). All tree access goes through this file, so the steps do not depend on
 * domhandler's node shapes directly.
 */
import render from 'dom-serializer';
import { type ChildNode, type Document, DomHandler, Element, type ParentNode, Text } from 'domhandler';
import { parseDocument, Parser } from 'htmlparser2';

export { Element, Text };
export type { ChildNode, Document, ParentNode };

/** Elements that start a new block when rendered (paragraph-level or larger). */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'body',
  'html',
]);

/** Elements whose whitespace is content. */
export const PREFORMATTED_TAGS = new Set(['pre', 'code', 'textarea', 'xmp', 'listing', 'plaintext']);

/** Elements that show something even without text. */
export const MEDIA_TAGS = new Set([
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'embed',
  'object',
  'svg',
  'canvas',
  'math',
  'table',
  'hr',
]);

/** Returns the parsed tree of an HTML fragment (entities decoded, tag and attribute names lowercased). */
export function parseFragment(html: string): Document {
  return parseDocument(html);
}

/** htmlparser2's own handler, also noting how deep elements nest (an element's depth is the open-tag stack's) and whether it made comments. */
class RecordingHandler extends DomHandler {
  maxDepth = 0;
  madeComments = false;

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    if (this.tagStack.length - 1 > this.maxDepth) this.maxDepth = this.tagStack.length - 1;
  }

  override oncomment(data: string): void {
    this.madeComments = true;
    super.oncomment(data);
  }

  override onprocessinginstruction(name: string, data: string): void {
    this.madeComments = true;
    super.onprocessinginstruction(name, data);
  }
}

// Trees parsed without a comment or directive node, as long as nothing has added one since (no step does).
const withoutComments = new WeakSet<Document>();

/** Returns parseFragment's tree and how deep its elements nest (1 for top-level elements; 0 without elements), found while parsing. */
export function parseFragmentWithDepth(html: string): { root: Document; depth: number } {
  const handler = new RecordingHandler();
  new Parser(handler).end(html);
  if (!handler.madeComments) withoutComments.add(handler.root);
  return { root: handler.root, depth: handler.maxDepth };
}

/** Returns true when `root` is a tree parseFragmentWithDepth made without comment or directive nodes (false when unknown). */
export function isKnownWithoutComments(root: ParentNode): boolean {
  return withoutComments.has(root as Document);
}

/** Returns the HTML of `nodes`, with non-ASCII characters written as themselves. */
export function renderNodes(nodes: ChildNode | ChildNode[] | Document): string {
  return render(nodes, { encodeEntities: 'utf8' });
}

/** Returns true when `node` is an element (tag, script or style). */
export function isElement(node: ChildNode | ParentNode | null | undefined): node is Element {
  return node instanceof Element;
}

/** Returns true when `node` is a text node. */
export function isText(node: ChildNode | null | undefined): node is Text {
  return node instanceof Text;
}

/** Returns true when `node` is a block-level element. */
export function isBlock(node: ChildNode | ParentNode | null | undefined): boolean {
  return node instanceof Element && BLOCK_TAGS.has(node.name);
}

/** Returns a new element with `children` linked to it (domhandler's constructor does not link them). */
export function createElement(name: string, attribs: Record<string, string>, children: ChildNode[] = []): Element {
  const element = new Element(name, attribs, children);
  children.forEach((child, i) => {
    child.parent = element;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  });
  return element;
}

/** Replaces the children of `parent` with `children` in one pass (for bulk removals: removeNode is linear per call). */
export function setChildren(parent: ParentNode, children: ChildNode[]): void {
  for (const old of parent.children) old.parent = null;
  children.forEach((child, i) => {
    child.parent = parent;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  });
  parent.children = children;
}

/** Detaches `node` from its parent, keeping the sibling links consistent. */
export function removeNode(node: ChildNode): void {
  const parent = node.parent;
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  if (parent) {
    const index = parent.children.indexOf(node);
    if (index !== -1) parent.children.splice(index, 1);
  }
  node.prev = null;
  node.next = null;
  node.parent = null;
}

/** Puts `replacement` where `node` is and detaches `node`. */
export function replaceNode(node: ChildNode, replacement: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node);
  replacement.prev = node.prev;
  replacement.next = node.next;
  replacement.parent = parent;
  if (node.prev) node.prev.next = replacement;
  if (node.next) node.next.prev = replacement;
  parent.children[index] = replacement;
  node.prev = null;
  node.next = null;
  node.parent = null;
}

/** Returns the concatenated text of `node` and its descendants (the DOM's textContent). */
export function textOf(node: ChildNode | ParentNode): string {
  if (node instanceof Text) return node.data;
  if (!('children' in node)) return '';
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
}

/** Calls `visit` for every element under `root` in document order; the callback may remove the element it is given. */
export function forEachElement(root: ParentNode, visit: (element: Element) => void): void {
  const live = root.children;
  let first = 0;
  while (first < live.length && !(live[first] instanceof Element)) first++;
  if (first === live.length) return;
  // A copy, so that removals by the callback do not shift what is visited next; text-only parents need none.
  const children = live.slice(first);
  for (const child of children) {
    if (!(child instanceof Element)) continue;
    visit(child);
    if (child.parent) forEachElement(child, visit);
  }
}

/** Calls `visit` for every element under `root` in document order; the callback must not add, move or remove nodes (no copies are made). */
export function forEachElementInPlace(root: ParentNode, visit: (element: Element) => void): void {
  for (const child of root.children) {
    if (!(child instanceof Element)) continue;
    visit(child);
    forEachElementInPlace(child, visit);
  }
}

/** Returns true when `root` holds an image, video, table or other non-text content. */
export function hasMedia(root: ParentNode): boolean {
  for (const child of root.children) {
    if (!(child instanceof Element)) continue;
    if (MEDIA_TAGS.has(child.name) || hasMedia(child)) return true;
  }
  return false;
}

/** Returns the first descendant element named `name`, if any. */
export function findElement(root: ParentNode, name: string): Element | undefined {
  for (const child of root.children) {
    if (!(child instanceof Element)) continue;
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

const SHORT = 160;

/** Returns `html` cut to a readable length for explanations. */
export function shorten(html: string): string {
  const flat = html.replace(/\s+/g, ' ');
  return flat.length <= SHORT ? flat : `${flat.slice(0, SHORT - 1)}…`;
}
