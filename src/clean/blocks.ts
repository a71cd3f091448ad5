/**
 * The blocks that open and close an article, as leading/trailing rule-pack rules and learned
 * boilerplate see them. A container (the root, or a block element holding block elements or
 * `<br>`/`<hr>` line breaks) is split into units: each block-level child is one unit (a container child is entered
 * instead), and each run of inline nodes between `<br>`, `<hr>` and block elements is one
 * unit. Units without text or media are skipped. Learning and stripping use this same
 * definition, so what was learned is exactly what can be stripped.
 */
import {
  type ChildNode,
  type Element,
  findElement,
  hasMedia,
  isBlock,
  isElement,
  isText,
  type ParentNode,
  removeNode,
  textOf,
} from './dom.ts';

/** Which end of the article. */
export type Edge = 'leading' | 'trailing';

/** One unit at an edge of the article; its text is read from the tree when first asked for. */
export interface EdgeBlock {
  /** One block element, or a run of inline nodes, in document order. */
  readonly nodes: ChildNode[];
  /** The text, whitespace collapsed and trimmed, original case. */
  readonly text: string;
  /** What learned rules compare: the lowercased text, or `[media] src` for a block without text. */
  readonly key: string;
}

// biome-ignore lint/suspicious/noMisleadingCharacterClass: the zero-width joiner is matched on its own, as a space.
const SPACES = /[\s\u200b\u200c\u200d\u2060]+/g;
// normalizeText(text) === '' exactly when every character is one SPACES collapses (trim removes the same \s set).
// biome-ignore lint/suspicious/noMisleadingCharacterClass: as SPACES.
const BLANK = /^[\s\u200b\u200c\u200d\u2060]*$/;

/** Returns `text` with every whitespace run (nbsp and zero-width spaces included) as one space, trimmed. */
export function normalizeText(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

function isSeparator(node: ChildNode): boolean {
  if (isText(node)) return BLANK.test(node.data);
  if (!isElement(node)) return true;
  return node.name === 'br' || node.name === 'hr';
}

// A block holding blocks, or lines split by <br>/<hr>, is entered; its parts are the blocks.
function isContainer(node: ChildNode): node is Element {
  return (
    isElement(node) &&
    isBlock(node) &&
    node.children.some((child) => isBlock(child) || (isElement(child) && child.name === 'br'))
  );
}

/** A block with text (not only whitespace): its text and key are made once, on first use. */
class TextBlock implements EdgeBlock {
  #text: string | undefined;
  #key: string | undefined;

  constructor(readonly nodes: ChildNode[]) {}

  get text(): string {
    this.#text ??= normalizeText(this.nodes.length === 1 ? textOf(this.nodes[0]) : this.nodes.map(textOf).join(''));
    return this.#text;
  }

  get key(): string {
    this.#key ??= this.text.toLowerCase();
    return this.#key;
  }
}

/** A block of media without text. */
function mediaBlock(nodes: ChildNode[], key: string): EdgeBlock {
  return { nodes, text: '', key };
}

function makeBlock(nodes: ChildNode[]): EdgeBlock | undefined {
  if (nodes.some((node) => (isText(node) ? !BLANK.test(node.data) : 'children' in node && hasText(node))))
    return new TextBlock(nodes);
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const media = node.name === 'img' ? node : findElement(node, 'img');
    if (media) return mediaBlock(nodes, `[media] ${media.attribs.src ?? ''}`);
    if (hasMedia(node)) return mediaBlock(nodes, `[media] ${node.name}`);
  }
  return undefined;
}

/**
 * Returns the container's parts in order: each run of inline nodes (an array; whitespace-only text joins a run
 * it follows) and each block-level child. Texts are not read here: blocks are made lazily, from the edge asked for,
 * so finding the last block does not read the whole article.
 */
function partsOf(container: ParentNode): Array<ChildNode[] | Element> {
  const parts: Array<ChildNode[] | Element> = [];
  let run: ChildNode[] = [];
  for (const child of container.children) {
    if (isSeparator(child)) {
      if (run.length > 0 && isText(child)) run.push(child);
      else if (run.length > 0) {
        parts.push(run);
        run = [];
      }
    } else if (isBlock(child)) {
      if (run.length > 0) {
        parts.push(run);
        run = [];
      }
      parts.push(child as Element);
    } else run.push(child);
  }
  if (run.length > 0) parts.push(run);
  return parts;
}

/** Yields the blocks at `edge` of `root`, outermost first; the tree must not change while iterating. */
export function* edgeBlocks(root: ParentNode, edge: Edge): Generator<EdgeBlock> {
  const parts = partsOf(root);
  if (edge === 'trailing') parts.reverse();
  for (const part of parts) {
    if (!Array.isArray(part) && isContainer(part)) {
      yield* edgeBlocks(part, edge);
      continue;
    }
    const block = makeBlock(Array.isArray(part) ? part : [part]);
    if (block) yield block;
  }
}

/** Returns true when `node` holds text (not only whitespace) or media: normalizeText(textOf(node)) !== '' || hasMedia(node), stopping early. */
function hasContent(node: ParentNode): boolean {
  return hasText(node) || hasMedia(node);
}

function hasText(node: ParentNode): boolean {
  for (const child of node.children) {
    if (isText(child) ? !BLANK.test(child.data) : 'children' in child && hasText(child)) return true;
  }
  return false;
}

/** Removes `block`, the `<br>`/`<hr>` separators between it and the rest of the article, and any container it leaves empty. */
export function removeBlock(block: EdgeBlock, edge: Edge): void {
  const first = block.nodes[0];
  const last = block.nodes[block.nodes.length - 1];
  let parent = first.parent;
  const outside = edge === 'trailing' ? first.prev : last.next;
  for (const node of block.nodes) removeNode(node);
  let sibling = outside;
  while (sibling && isSeparator(sibling)) {
    const next = edge === 'trailing' ? sibling.prev : sibling.next;
    removeNode(sibling);
    sibling = next;
  }
  while (parent && isElement(parent) && !hasContent(parent)) {
    const up: ParentNode | null = parent.parent;
    removeNode(parent);
    parent = up;
  }
}

/** Removes `node`, then each ancestor element it leaves without text or media. */
export function removeAndPrune(node: ChildNode): void {
  let parent = node.parent;
  removeNode(node);
  while (parent && isElement(parent) && !hasContent(parent)) {
    const up: ParentNode | null = parent.parent;
    removeNode(parent);
    parent = up;
  }
}
