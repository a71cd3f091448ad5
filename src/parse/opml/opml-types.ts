/**
 * The OPML subscription-list model shared by the reader and the writer: flat feeds with
 * category paths, which is what `tidings import opml` / `export opml` need.
 */
import type { AppError } from '../../domain/errors.ts';

/** One subscription. `categories` are "/"-joined folder paths like "News/World"; the first is the feed's folder. */
export interface OpmlFeed {
  xmlUrl: string;
  title?: string;
  htmlUrl?: string;
  categories: string[];
  type?: string;
  description?: string;
}

/** What parseOpml returns: the feeds found (with what was recovered; `wellFormed` false when the XML was broken, e.g. cut short or nested too deep), or why the input is not OPML. */
export type ParseOpmlResult =
  | { kind: 'opml'; title?: string; feeds: OpmlFeed[]; problems: string[]; wellFormed: boolean }
  | { kind: 'not-opml'; error: AppError };

/** What writeOpml writes. */
export interface OpmlDocument {
  title?: string;
  feeds: OpmlFeed[];
  dateCreated?: Date;
}
