/**
 * Reads a JSON Feed 1.0 / 1.1 document into its wire type: JSON.parse (with one repair
 * attempt for the usual breakage), version detection, and type checks that drop any field
 * of the wrong type instead of failing the document.
 */
import type { FeedFormat } from '../../domain/parsed-feed.ts';
import type { JsonAttachmentWire, JsonAuthorWire, JsonFeedWire, JsonItemWire } from './json-feed-wire.ts';
import { repairJson } from './repair-json.ts';

/** A JSON Feed with its version, or what the JSON looked like instead. */
export type ReadJsonFeedResult =
  | {
      kind: 'feed';
      format: Extract<FeedFormat, 'json10' | 'json11'>;
      wire: JsonFeedWire;
      /** Repairs made to invalid JSON. */
      problems: string[];
      /** What was unusual but needed no repair (no version, no items). */
      notes: string[];
    }
  | { kind: 'not-a-feed'; looksLike: string };

type JsonObject = Record<string, unknown>;

const VERSION_URL = /^https?:\/\/(?:www\.)?jsonfeed\.org\/version\/(1(?:\.[0-9]+)?)\/?$/i;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Parses and type-checks `text` as a JSON Feed; never throws. */
export function readJsonFeed(text: string): ReadJsonFeedResult {
  const problems: string[] = [];
  const notes: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    try {
      data = JSON.parse(repairJson(text));
      problems.push('invalid JSON repaired (raw control characters, trailing commas or trailing junk)');
    } catch {
      return { kind: 'not-a-feed', looksLike: 'invalid JSON, not a feed' };
    }
  }
  if (!isObject(data)) return { kind: 'not-a-feed', looksLike: 'a JSON document, not a JSON Feed' };
  const version = str(data.version)?.trim();
  const match = version === undefined ? null : VERSION_URL.exec(version);
  let format: 'json10' | 'json11';
  if (match !== null) format = match[1] === '1' ? 'json10' : 'json11';
  else if (Array.isArray(data.items)) {
    format = 'json11';
    notes.push(
      version === undefined
        ? 'no JSON Feed version; read as 1.1'
        : `unknown JSON Feed version "${version}"; read as 1.1`,
    );
  } else return { kind: 'not-a-feed', looksLike: 'a JSON document, not a JSON Feed' };
  if (!Array.isArray(data.items)) notes.push('JSON Feed without an items array');
  return { kind: 'feed', format, wire: readFeed(data), problems, notes };
}

function readFeed(data: JsonObject): JsonFeedWire {
  const items: JsonItemWire[] = [];
  if (Array.isArray(data.items)) for (const raw of data.items) if (isObject(raw)) items.push(readItem(raw));
  const hubs: JsonFeedWire['hubs'] = [];
  if (Array.isArray(data.hubs)) {
    for (const hub of data.hubs) {
      const url = isObject(hub) ? str(hub.url) : undefined;
      if (url !== undefined) hubs.push({ url, type: str((hub as JsonObject).type) });
    }
  }
  return {
    version: str(data.version),
    title: str(data.title),
    home_page_url: str(data.home_page_url),
    feed_url: str(data.feed_url),
    description: str(data.description),
    next_url: str(data.next_url),
    icon: str(data.icon),
    favicon: str(data.favicon),
    authors: readAuthors(data),
    language: str(data.language),
    hubs,
    items,
  };
}

/** JSON Feed 1.1 `authors` supersedes 1.0 `author`. */
function readAuthors(data: JsonObject): JsonAuthorWire[] {
  const out: JsonAuthorWire[] = [];
  const list = Array.isArray(data.authors) ? data.authors : isObject(data.author) ? [data.author] : [];
  for (const raw of list) {
    if (!isObject(raw)) continue;
    out.push({ name: str(raw.name), url: str(raw.url), avatar: str(raw.avatar) });
  }
  return out;
}

function readItem(raw: JsonObject): JsonItemWire {
  const id = typeof raw.id === 'number' && Number.isFinite(raw.id) ? String(raw.id) : str(raw.id);
  const tags: string[] = [];
  if (Array.isArray(raw.tags)) for (const tag of raw.tags) if (typeof tag === 'string') tags.push(tag);
  const attachments: JsonAttachmentWire[] = [];
  if (Array.isArray(raw.attachments)) {
    for (const a of raw.attachments) {
      const url = isObject(a) ? str(a.url) : undefined;
      if (url === undefined) continue;
      const attachment = a as JsonObject;
      const size = attachment.size_in_bytes;
      attachments.push({
        url,
        mime_type: str(attachment.mime_type),
        title: str(attachment.title),
        size_in_bytes:
          typeof size === 'number' ? size : typeof size === 'string' ? Number.parseInt(size, 10) : undefined,
      });
    }
  }
  return {
    id,
    url: str(raw.url),
    external_url: str(raw.external_url),
    title: str(raw.title),
    content_html: str(raw.content_html),
    content_text: str(raw.content_text),
    summary: str(raw.summary),
    image: str(raw.image),
    banner_image: str(raw.banner_image),
    date_published: str(raw.date_published),
    date_modified: str(raw.date_modified),
    authors: readAuthors(raw),
    tags,
    language: str(raw.language),
    attachments,
  };
}
