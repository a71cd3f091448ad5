/**
 * Step 10: normalizes whitespace the way a browser would show it, so stored bodies are
 * compact and diff cleanly between revisions. Outside `pre`/`code`/`textarea`: runs of
 * spaces, tabs and newlines become one space; mixed runs of spaces and `&nbsp;` become one
 * space (a lone `&nbsp;`, or a run of only `&nbsp;`, is kept: it is deliberate, as in
 * "5&nbsp;%"); a line break between two CJK characters is removed (CSS Text 3 §4.1.3:
 * segment breaks between East Asian wide characters vanish); whitespace at the start and end
 * of a block, next to a `<br>`, and between blocks is removed. The ideographic space U+3000
 * (Chinese paragraph indent) is content and left alone.
 */
import { type ChildNode, isBlock, isElement, isText, type ParentNode, PREFORMATTED_TAGS, setChildren, type Text } from '../dom.ts';
import type { CleanStep } from '../clean-types.ts';

const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u3000-\\u303f\\uff00-\\uffef';
const CJK_BREAK = new RegExp(`(?<=[${CJK}])[ \\t\\r\\f]*\\n[ \\t\\n\\r\\f]*(?=[${CJK}])`, 'gu');
const SPACE_RUN = /[ \t\n\r\f\u00a0]+/g;
const EDGE_SPACE = /^[ \t\n\r\f\u00a0]+|[ \t\n\r\f\u00a0]+$/;

function collapse(run: string): string {
  if (run === '\u00a0' || /^\u00a0+$/.test(run)) return run;
  return ' ';
}

function isBoundary(node: ChildNode | null): boolean {
  return isElement(node) && (node.name === 'br' || isBlock(node));
}

/** Returns true when nothing visible comes between `node` and the start (or end) of its block. */
function atBlockEdge(node: ChildNode, end: boolean): boolean {
  let current: ChildNode = node;
  for (;;) {
    const sibling = end ? current.next : current.prev;
    if (sibling !== null) return isBoundary(sibling);
    const parent: ParentNode | null = current.parent;
    if (parent === null || !isElement(parent) || isBlock(parent)) return true;
    current = parent;
  }
}

/** Normalizes the node's text; returns false when nothing is left of it. */
function normalizeText(node: Text): boolean {
  let data = node.data.replace(CJK_BREAK, '').replace(SPACE_RUN, collapse);
  if (EDGE_SPACE.test(data)) {
    if (atBlockEdge(node, false)) data = data.replace(/^[ \t\n\r\f\u00a0]+/, '');
    if (atBlockEdge(node, true)) data = data.replace(/[ \t\n\r\f\u00a0]+$/, '');
  }
  node.data = data;
  return data !== '';
}

function visit(parent: ParentNode): void {
  let emptied = false;
  for (const child of parent.children) {
    if (isText(child)) emptied = !normalizeText(child) || emptied;
    else if (isElement(child) && !PREFORMATTED_TAGS.has(child.name)) visit(child);
  }
  if (emptied) setChildren(parent, parent.children.filter((child) => !isText(child) || child.data !== ''));
}

/** Collapses and trims whitespace outside preformatted elements. */
export const normalizeWhitespace: CleanStep = (root) => {
  visit(root);
};
