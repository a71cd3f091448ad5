/**
 * Dates as the adapters record them: the trimmed text as found (`xxxRaw`) and, when
 * parseDate understands it, the ISO 8601 UTC value (`xxx`).
 */
import { parseDate } from '../date/parse-date.ts';
import { textContent } from '../xml/query.ts';
import type { XmlElement } from '../xml/types.ts';

/** Something with published/updated dates (feed metadata or an item). */
export interface Dated {
  published?: string;
  publishedRaw?: string;
  updated?: string;
  updatedRaw?: string;
}

/** Sets `target.published`/`publishedRaw` from raw text unless already set; returns true when set. */
export function setPublished(target: Dated, raw: string | undefined): boolean {
  if (target.publishedRaw !== undefined || raw === undefined) return false;
  const trimmed = raw.trim();
  if (trimmed === '') return false;
  target.publishedRaw = trimmed;
  const iso = parseDate(trimmed);
  if (iso !== undefined) target.published = iso;
  return true;
}

/** Sets `target.updated`/`updatedRaw` from raw text unless already set; returns true when set. */
export function setUpdated(target: Dated, raw: string | undefined): boolean {
  if (target.updatedRaw !== undefined || raw === undefined) return false;
  const trimmed = raw.trim();
  if (trimmed === '') return false;
  target.updatedRaw = trimmed;
  const iso = parseDate(trimmed);
  if (iso !== undefined) target.updated = iso;
  return true;
}

/** Returns the element's text, or undefined for a missing element. */
export function textOf(el: XmlElement | undefined): string | undefined {
  return el === undefined ? undefined : textContent(el);
}
