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
import {
  type ChildNode,
  isBlock,
  isElement,
  isText,
  type ParentNode,
  PREFORMATTED_TAGS,
  setChildren,
  type Text,
} from '../dom.ts';
import type { CleanStep } from '../clean-types.ts';

const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\u3000-\\u303f\\uff00-\\uffef';
const CJK_BREAK = new RegExp(`(?<=[${CJK}])[ \\t\\r\\f]*\\n[ \\t\\n\\r\\f]*(?=[${CJK}])`, 'gu');
// Every character of the CJK class is at U+2E80 or above (astral ones are surrogates, above too): text without
// such a character cannot hold a CJK line break, and most text nodes are skipped without running CJK_BREAK.
const MAYBE_CJK = /[\u2e80-\uffff]/;
// The whitespace runs that change: a run of two or more, or one character other than a space. A lone space is
// left as it is, which is what collapsing it would give (and most runs in prose are a lone space).
const CHANGING_RUN = /[ \t\n\r\f\u00a0]{2,}|[\t\n\r\f\u00a0]/g;
const NBSP_ONLY = /^\u00a0+$/;
// Text without any of these has no line break and no run that changes: one scan decides for most prose nodes.
const MAY_CHANGE = /[\t\n\r\f\u00a0]| {2}/;
const ASCII_SPACE_ONLY = /^[ \t\n\r\f]+$/;

function collapse(run: string): string {
  return NBSP_ONLY.test(run) ? run : ' ';
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c || code === 0xa0;
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
  let data = node.data;
  // Whitespace only, without nbsp (the text between blocks, mostly): one space before trimming, as collapsing gives.
  if (ASCII_SPACE_ONLY.test(data)) data = ' ';
  else if (MAY_CHANGE.test(data)) {
    if (data.includes('\n') && MAYBE_CJK.test(data)) data = data.replace(CJK_BREAK, '');
    data = data.replace(CHANGING_RUN, collapse);
  }
  if (data !== '' && isSpace(data.charCodeAt(0)) && atBlockEdge(node, false)) {
    let start = 1;
    while (start < data.length && isSpace(data.charCodeAt(start))) start++;
    data = data.slice(start);
  }
  if (data !== '' && isSpace(data.charCodeAt(data.length - 1)) && atBlockEdge(node, true)) {
    let end = data.length - 1;
    while (end > 0 && isSpace(data.charCodeAt(end - 1))) end--;
    data = data.slice(0, end);
  }
  if (data !== node.data) node.data = data;
  return data !== '';
}

function visit(parent: ParentNode): void {
  let emptied = false;
  for (const child of parent.children) {
    if (isText(child)) emptied = !normalizeText(child) || emptied;
    else if (isElement(child) && !PREFORMATTED_TAGS.has(child.name)) visit(child);
  }
  if (emptied)
    setChildren(
      parent,
      parent.children.filter((child) => !isText(child) || child.data !== ''),
    );
}

/** Collapses and trims whitespace outside preformatted elements. */
export const normalizeWhitespace: CleanStep = (root) => {
  visit(root);
};
