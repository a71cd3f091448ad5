/**
 * OPML subscription lists: parseOpml and writeOpml, for `tidings import opml` / `export opml`.
 * Imports only the XML parser, byte decoding, domain errors and util; never fetch, store or cli.
 */
export { normalizeCategory } from './normalize-category.ts';
export type { OpmlDocument, OpmlFeed, ParseOpmlResult } from './opml-types.ts';
export { parseOpml, type ParseOpmlOptions } from './parse-opml.ts';
export { writeOpml } from './write-opml.ts';
