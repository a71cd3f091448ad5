/**
 * The parse stage: one feed document (RSS 0.90–2.0, RSS 1.0, Atom 0.3/1.0, JSON Feed
 * 1.0/1.1) → a ParsedFeed value. It must not import fetch/, clean/, store/ or any I/O.
 */
export { parseFeed, type ParseFeedOptions, type ParseFeedResult } from './parse-feed.ts';
export { detectXmlFormat, sniffSyntax, type Syntax, type XmlDetection } from './detect-format.ts';
