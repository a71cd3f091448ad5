/**
 * parseFeed: bytes (or text) of one feed document → ParsedFeed, or "not a feed". The
 * orchestration only: decode (encoding/), detect (detect-format.ts), parse XML (xml/) or
 * JSON, read the format's wire type and adapt it. It never throws and never fetches.
 */
import { Buffer } from 'node:buffer';
import { AppError } from '../domain/errors.ts';
import type { FeedFormat, ParsedFeed, ParsedFeedMeta, ParsedItem } from '../domain/parsed-feed.ts';
import { resolveUrl } from '../util/resolve-url.ts';
import { adaptAtom } from './atom/adapt-atom.ts';
import { adaptCdf } from './cdf/read-cdf.ts';
import { readAtomDocument } from './atom/read-atom.ts';
import { detectXmlFormat, sniffSyntax } from './detect-format.ts';
import { decodeFeedBytes } from './encoding/decode-feed-bytes.ts';
import { adaptJsonFeed } from './json-feed/adapt-json-feed.ts';
import { readJsonFeed } from './json-feed/read-json-feed.ts';
import { findRdfCoreNamespace, readRdfDocument } from './rdf/read-rdf.ts';
import { adaptRss } from './rss/adapt-rss.ts';
import { readRssDocument } from './rss/read-rss.ts';
import { readChineseCst } from './date/china-standard-time.ts';
import { orderFeedMeta, orderItem } from './shared/contract-order.ts';
import { parseXml } from './xml/parse-xml.ts';
import type { XmlElement } from './xml/types.ts';

/** What came with the document besides its bytes. */
export interface ParseFeedOptions {
  /** The document's own URL (the base for relative links). */
  url?: string;
  /** The full Content-Type header value, e.g. 'application/rss+xml; charset=gbk'. */
  contentType?: string;
  /** Other HTTP headers, lowercase names: content-location, content-language. */
  headers?: Record<string, string>;
  /** A user's per-feed encoding setting; beats everything else. */
  encodingOverride?: string;
}

/** A parsed feed, or why the document is not one. */
export type ParseFeedResult = { kind: 'feed'; feed: ParsedFeed } | { kind: 'not-a-feed'; error: AppError };

interface Adapted {
  format: FeedFormat;
  feed: ParsedFeedMeta;
  items: ParsedItem[];
  /** Every problem line, recoveries and notes, in document order. */
  problems: string[];
  /** True when something had to be repaired (not merely noted). */
  recovered: boolean;
}

const CHARSET_PARAM = /;\s*charset\s*=\s*["']?([^"';\s]+)/i;

function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  return CHARSET_PARAM.exec(contentType)?.[1];
}

function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type ? type : undefined;
}

/** RFC 9110 §8.7: Content-Location names the representation, so it is the base; it may itself be relative. */
function documentBase(options: ParseFeedOptions): string | undefined {
  const location = options.headers?.['content-location']?.trim();
  if (location) return resolveUrl(location, options.url);
  const url = options.url?.trim();
  return url ? url : undefined;
}

function notAFeed(message: string): ParseFeedResult {
  return { kind: 'not-a-feed', error: new AppError('parse.not-a-feed', message) };
}

/** Returns the document's feed (with every recovery listed in `problems`), or not-a-feed with an AppError; never throws. */
export function parseFeed(input: Uint8Array | string, options: ParseFeedOptions = {}): ParseFeedResult {
  try {
    return parseFeedOrReport(input, options);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return {
      kind: 'not-a-feed',
      error: new AppError('internal', `the feed parser failed unexpectedly: ${detail}`, { cause }),
    };
  }
}

function parseFeedOrReport(input: Uint8Array | string, options: ParseFeedOptions): ParseFeedResult {
  const base = documentBase(options);
  const decoded =
    typeof input === 'string'
      ? { text: input, encoding: 'utf-8', problems: [] as string[], notes: undefined, utf8: undefined }
      : decodeFeedBytes(input, {
          httpCharset: charsetOf(options.contentType),
          mediaType: mediaTypeOf(options.contentType),
          override: options.encodingOverride,
          utf8AsBytes: true,
        });
  const syntax = sniffSyntax(decoded.text);
  if (syntax === 'empty') return notAFeed('an empty document, not a feed');
  let adapted: Adapted;
  if (syntax === 'json') {
    const raw = decoded.utf8;
    const jsonText =
      raw === undefined ? decoded.text : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
    const json = readJsonFeed(jsonText.charCodeAt(0) === 0xfeff ? jsonText.slice(1) : jsonText);
    if (json.kind === 'not-a-feed') return notAFeed(json.looksLike);
    adapted = {
      format: json.format,
      ...adaptJsonFeed(json.wire, base),
      problems: [...json.problems, ...json.notes],
      recovered: json.problems.length > 0,
    };
  } else {
    const doc = parseXml(decoded.text, { baseUrl: base, utf8: decoded.utf8 });
    const detection = detectXmlFormat(doc.root, decoded.text);
    if (detection.kind === 'not-a-feed' || doc.root === null)
      return notAFeed(detection.kind === 'not-a-feed' ? detection.looksLike : 'not a feed');
    adapted = {
      format: detection.format,
      ...adaptXml(detection.format, doc.root),
      // A document merely unusual for its format (no RSS version, an unknown namespace) is still well-formed.
      problems: [...doc.problems, ...detection.problems],
      recovered: !doc.wellFormed,
    };
  }
  const notes = decoded.notes ?? [];
  const problems =
    decoded.problems.length === 0 && notes.length === 0
      ? adapted.problems
      : [...decoded.problems, ...notes, ...adapted.problems];
  const language = options.headers?.['content-language']?.split(',')[0].trim();
  if (adapted.feed.language === undefined && language) adapted.feed.language = language;
  readChineseCst(adapted.feed, adapted.items);
  return {
    kind: 'feed',
    feed: {
      format: adapted.format,
      wellFormed: !adapted.recovered && decoded.problems.length === 0,
      problems,
      encoding: decoded.encoding,
      feed: orderFeedMeta(adapted.feed),
      items: adapted.items.map(orderItem),
    },
  };
}

function adaptXml(format: FeedFormat, root: XmlElement): { feed: ParsedFeedMeta; items: ParsedItem[] } {
  switch (format) {
    case 'atom10':
      return adaptAtom(readAtomDocument(root, false));
    case 'atom03':
      return adaptAtom(readAtomDocument(root, true));
    case 'cdf':
      return adaptCdf(root);
    case 'rss10':
    case 'rss090':
      return adaptRss(readRdfDocument(root, findRdfCoreNamespace(root) ?? ''));
    default:
      return adaptRss(readRssDocument(root));
  }
}
