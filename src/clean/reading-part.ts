/**
 * How much of one article body a reader renders: a page, `tidings show` as text or Markdown,
 * and the revision diff take at most its first MAX_RENDERED_HTML characters (cut outside any
 * tag), so one huge article cannot cost a reader page or a terminal gigabytes of DOM and
 * conversions (docs/web.md). The stored body is never cut: `tidings show --html` and the API
 * give it whole.
 */
import { cutHtml } from '../util/cut-html.ts';

/** The most characters of one article body that a reader renders. */
export const MAX_RENDERED_HTML = 1_000_000;

/** The part of a body a reader renders, and the length of the whole. */
export interface ReadingPart {
  html: string;
  cut: boolean;
  length: number;
}

/** Returns the body whole, or its first `max` (default MAX_RENDERED_HTML) characters cut outside any tag. */
export function readingPart(body: string, max = MAX_RENDERED_HTML): ReadingPart {
  const html = cutHtml(body, max);
  return { html, cut: html.length < body.length, length: body.length };
}
