/**
 * Step 6: removes paragraphs, divs and spans that hold nothing visible: only whitespace,
 * `&nbsp;`, zero-width spaces, `<br>`, or other such empty wrappers (the reference article
 * has 98 `<p>&nbsp;</p>` and two empty promo `<div>`s). Images, media, tables, rules and
 * links count as content, so `<p><img></p>` stays. A span that holds only whitespace becomes
 * one space instead of vanishing, so the words around it do not run together.
 */
import {
  type ChildNode,
  type Element,
  isElement,
  isText,
  type ParentNode,
  renderNodes,
  setChildren,
  shorten,
  Text,
} from '../dom.ts';
import type { CleanStep, StepContext } from '../clean-types.ts';

/** Elements removed when empty. */
const REMOVABLE = new Set(['p', 'div', 'span', 'font', 'section', 'center']);
/** Elements that count as empty when everything inside them is. */
const TRANSPARENT = new Set([
  ...REMOVABLE,
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'small',
  'big',
  'article',
  'header',
  'footer',
  'aside',
]);
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the zero-width joiner is matched on its own, as a space.
const BLANK = /^[\s\u200b\u200c\u200d\u2060\ufeff]*$/;

function isEmpty(node: ChildNode): boolean {
  if (isText(node)) return BLANK.test(node.data);
  if (!isElement(node)) return true;
  if (node.name === 'br' || node.name === 'wbr') return true;
  return TRANSPARENT.has(node.name) && node.children.every(isEmpty);
}

function explain(context: StepContext, element: Element): void {
  context.explain?.({ step: 'remove-empty', action: 'removed', detail: shorten(renderNodes(element)) });
}

function clean(parent: ParentNode, context: StepContext): void {
  const children = parent.children;
  // The kept children are copied only once a child goes (most parents keep all of theirs).
  let kept: ChildNode[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (isElement(child)) clean(child, context);
    if (!isElement(child) || !REMOVABLE.has(child.name) || !child.children.every(isEmpty)) {
      kept?.push(child);
      continue;
    }
    kept ??= children.slice(0, i);
    explain(context, child);
    if (child.name === 'span' && child.children.some((c) => isText(c) && c.data !== '')) kept.push(new Text(' '));
  }
  if (kept !== undefined) setChildren(parent, kept);
}

/** Removes empty p, div, span, font, section and center elements, innermost first. */
export const removeEmpty: CleanStep = (root, context) => {
  clean(root, context);
};
