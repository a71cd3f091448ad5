/**
 * The blocks that open and close an article, as leading/trailing rule-pack rules and learned
 * boilerplate see them. A container (the root, or a block element holding block elements or
 * `<br>`/`<hr>` line breaks) is split into units: each block-level child is one unit (a container child is entered
 * instead), and each run of inline nodes between `<br>`, `<hr>` and block elements is one
 * unit. Units without text or media are skipped. Learning and stripping use this same
 * definition, so what was learned is exactly what can be stripped.
 */
import { type ChildNode, type Element, findElement, hasMedia, isBlock, isElement, isText, type ParentNode, removeNode, textOf } from './dom.ts';

/** Which end of the article. */
export type Edge = 'leading' | 'trailing';

/** One unit at an edge of the article. */
export interface EdgeBlock {
  /** One block element, or a run of inline nodes, in document order. */
  nodes: ChildNode[];
  /** The text, whitespace collapsed and trimmed, original case. */
  text: string;
  /** What learned rules compare: the lowercased text, or `[media] src` for a block without text. */
  key: string;
}

const SPACES = /[\s\u200b\u200c\u200d\u2060]+/g;

/** Returns `text` with every whitespace run (nbsp and zero-width spaces included) as one space, trimmed. */
export function normalizeText(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

function isSeparator(node: ChildNode): boolean {
  if (isText(node)) return normalizeText(node.data) === '';
  if (!isElement(node)) return true;
  return node.name === 'br' || node.name === 'hr';
}

// A block holding blocks, or lines split by <br>/<hr>, is entered; its parts are the blocks.
function isContainer(node: ChildNode): node is Element {
  return isElement(node) && isBlock(node) && node.children.some((child) => isBlock(child) || (isElement(child) && child.name === 'br'));
}

function makeBlock(nodes: ChildNode[]): EdgeBlock | undefined {
  const text = normalizeText(nodes.map(textOf).join(''));
  if (text !== '') return { nodes, text, key: text.toLowerCase() };
  for (const node of nodes) {
    if (!isElement(node)) continue;
    const media = node.name === 'img' ? node : findElement(node, 'img');
    if (media) return { nodes, text, key: `[media] ${media.attribs.src ?? ''}` };
    if (hasMedia(node)) return { nodes, text, key: `[media] ${node.name}` };
  }
  return undefined;
}

function unitsOf(container: ParentNode): Array<EdgeBlock | Element> {
  const units: Array<EdgeBlock | Element> = [];
  let run: ChildNode[] = [];
  const flush = (): void => {
    const block = run.length > 0 ? makeBlock(run) : undefined;
    if (block) units.push(block);
    run = [];
  };
  for (const child of container.children) {
    if (isSeparator(child)) {
      if (run.length > 0 && isText(child)) run.push(child);
      else flush();
    } else if (isBlock(child)) {
      flush();
      if (isContainer(child)) units.push(child);
      else {
        const block = makeBlock([child]);
        if (block) units.push(block);
      }
    } else run.push(child);
  }
  flush();
  return units;
}

/** Yields the blocks at `edge` of `root`, outermost first; the tree must not change while iterating. */
export function* edgeBlocks(root: ParentNode, edge: Edge): Generator<EdgeBlock> {
  const units = unitsOf(root);
  if (edge === 'trailing') units.reverse();
  for (const unit of units) {
    if ('key' in unit) yield unit;
    else yield* edgeBlocks(unit, edge);
  }
}

function hasContent(node: ParentNode): boolean {
  return normalizeText(textOf(node)) !== '' || hasMedia(node);
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
