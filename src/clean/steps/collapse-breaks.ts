/**
 * Step 7: collapses runs of `<br>`. Three or more line breaks in a row (whitespace between
 * them does not count) become two, the most a paragraph break needs; line breaks at the very
 * start or end of a block (or of the article) show nothing but a gap and are removed.
 */
import { type ChildNode, isBlock, isElement, isText, type ParentNode, setChildren } from '../dom.ts';
import type { CleanStep, StepContext } from '../clean-types.ts';

const MAX_RUN = 2;

function isBreak(node: ChildNode): boolean {
  return isElement(node) && node.name === 'br';
}

function isBlank(node: ChildNode): boolean {
  return isText(node) && /^[ \t\n\r\f]*$/.test(node.data);
}

/** Returns the children with leading (or trailing) breaks removed, blank text around them included. */
function trimEdge(children: ChildNode[], fromEnd: boolean, context: StepContext): ChildNode[] {
  const list = fromEnd ? children.slice().reverse() : children;
  let cut = 0;
  for (let i = 0; i < list.length && (isBlank(list[i]) || isBreak(list[i])); i++) {
    if (!isBreak(list[i])) continue;
    cut = i + 1;
    context.explain?.({
      step: 'collapse-breaks',
      action: 'removed',
      detail: `<br> at the ${fromEnd ? 'end' : 'start'} of a block`,
    });
  }
  if (cut === 0) return children;
  return fromEnd ? children.slice(0, children.length - cut) : children.slice(cut);
}

function collapseRuns(children: ChildNode[], context: StepContext): ChildNode[] {
  const kept: ChildNode[] = [];
  let run = 0;
  for (const child of children) {
    if (isBreak(child)) {
      run++;
      if (run > MAX_RUN) {
        context.explain?.({ step: 'collapse-breaks', action: 'removed', detail: 'a <br> beyond two in a row' });
        continue;
      }
    } else if (!isBlank(child)) run = 0;
    kept.push(child);
  }
  return kept;
}

function visit(parent: ParentNode, context: StepContext, isRoot: boolean): void {
  // Without a <br> among the children there is nothing to collapse or trim here (most parents: no copies made).
  if (parent.children.some(isBreak)) {
    let children = collapseRuns(parent.children, context);
    if (isRoot || isBlock(parent)) children = trimEdge(trimEdge(children, false, context), true, context);
    if (children.length !== parent.children.length) setChildren(parent, children);
  }
  for (const child of parent.children) {
    if (isElement(child) && child.name !== 'pre') visit(child, context, false);
  }
}

/** Collapses runs of more than two `<br>` and removes `<br>` at the edges of blocks. */
export const collapseBreaks: CleanStep = (root, context) => {
  visit(root, context, true);
};
