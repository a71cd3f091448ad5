/**
 * A text diff as HTML for the revision view: kept text as is, deletions in `<del>`,
 * insertions in `<ins>`, every piece escaped. Line breaks stay characters: the container
 * shows them with `white-space: pre-wrap` (web/assets/reader-css.ts, `.diff`).
 */
import { html, type SafeHtml } from '../html.ts';
import type { TextDiff } from './diff-text.ts';

/** Returns the diff's parts as escaped HTML with `<ins>`/`<del>` marks. */
export function diffToHtml(diff: TextDiff): SafeHtml {
  return html`${diff.parts.map((part) => {
    if (part.kind === 'delete') return html`<del>${part.text}</del>`;
    if (part.kind === 'insert') return html`<ins>${part.text}</ins>`;
    return part.text;
  })}`;
}
