/**
 * Step 1: drops what a reader never sees, before anything else looks at the tree: scripts,
 * styles, frames and the other elements the sanitizer discards with their content (the same
 * list, from sanitize-html.ts), elements hidden with `hidden` or an inline `display:none` /
 * `visibility:hidden` (hidden text in feeds is SEO filler or tracking), and comments. Done
 * here rather than left to the sanitizer so that later steps judge emptiness correctly:
 * `<p><script>…</script></p>` is an empty paragraph. An iframe of a known video player is
 * kept as a link to the video instead of vanishing without a trace.
 */
import {
  type ChildNode,
  createElement,
  type Element,
  forEachElement,
  isElement,
  isKnownWithoutComments,
  type ParentNode,
  removeNode,
  renderNodes,
  replaceNode,
  shorten,
  Text,
} from '../dom.ts';
import type { CleanStep, StepContext } from '../clean-types.ts';
import { DROP_WITH_CONTENT } from '../sanitize-html.ts';

const DROPPED = new Set(DROP_WITH_CONTENT);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
const VIDEO_PLAYERS =
  /^https?:\/\/(?:www\.)?(?:youtube\.com|youtube-nocookie\.com|player\.vimeo\.com|player\.bilibili\.com|v\.qq\.com|open\.iqiyi\.com|player\.youku\.com|embed\.ted\.com|www\.dailymotion\.com)\//i;

function removeComments(parent: ParentNode): void {
  const children = parent.children;
  // Backwards over the live list: a removal shifts only what was already seen.
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child.type === 'comment' || child.type === 'directive') removeNode(child);
    else if (isElement(child)) removeComments(child);
  }
}

function videoLink(frame: Element): ChildNode | undefined {
  const src = (frame.attribs.src ?? '').trim();
  if (!VIDEO_PLAYERS.test(src)) return undefined;
  const label = frame.attribs.title?.trim() || new URL(src).hostname;
  return createElement('a', { href: src }, [new Text(label)]);
}

function explainRemoval(context: StepContext, element: Element, detail?: string): void {
  context.explain?.({ step: 'drop-non-content', action: 'removed', detail: detail ?? shorten(renderNodes(element)) });
}

/** Removes scripts, styles, frames, hidden elements and comments; keeps video players as links. */
export const dropNonContent: CleanStep = (root, context) => {
  if (!isKnownWithoutComments(root)) removeComments(root);
  forEachElement(root, (element) => {
    if (DROPPED.has(element.name)) {
      const link = element.name === 'iframe' ? videoLink(element) : undefined;
      explainRemoval(context, element);
      if (link) replaceNode(element, link);
      else removeNode(element);
      return;
    }
    const style = element.attribs.style;
    if (element.attribs.hidden !== undefined || (style !== undefined && HIDDEN_STYLE.test(style))) {
      explainRemoval(context, element, `hidden: ${shorten(renderNodes(element))}`);
      removeNode(element);
    }
  });
};
