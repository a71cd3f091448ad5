/**
 * The differential test's side of the field mapping in docs/parse-json.md ("Compared with
 * feedparser"): turns Tidings' output into the shape feedparser_dump.py prints for feedparser,
 * and flattens both into comparable fields. HTML values are compared by their text (tags
 * stripped, entities decoded, whitespace collapsed), because two sanitizers never agree on
 * markup byte for byte; text values are compared exactly.
 */
import { decodeHTML } from 'entities/decode';
import type { ParsedFeed, ParsedFeedMeta, ParsedItem, Person } from '../../../domain/parsed-feed.ts';

/** One document as feedparser_dump.py prints it. */
export interface OracleDocument {
  file: string;
  bozo: boolean;
  encoding: string | null;
  version: string | null;
  feed: Record<string, unknown>;
  entries: Record<string, unknown>[];
}

const TAGS = /<[^>]*>/g;

function htmlText(value: string): string {
  return decodeHTML(value.replace(TAGS, ' ')).replace(/\s+/g, ' ').trim();
}

function persons(list: Person[]): Array<Record<string, unknown>> {
  return list.map((p) => ({ name: p.name ?? null, email: p.email ?? null, url: p.url ?? null }));
}

function common(target: ParsedFeedMeta | ParsedItem): Record<string, unknown> {
  return {
    id: target.id ?? null,
    title: target.title ?? null,
    titleType: target.titleType ?? null,
    link: target.link ?? null,
    links: target.links.map((l) => ({
      href: l.href,
      rel: l.rel,
      type: l.type ?? null,
      title: l.title ?? null,
      length: l.length ?? null,
    })),
    language: target.language ?? null,
    updated: target.updated ?? null,
    published: target.published ?? null,
    authors: persons(target.authors),
    contributors: persons(target.contributors),
    categories: target.categories.map((c) => ({ term: c.term, scheme: c.scheme ?? null, label: c.label ?? null })),
  };
}

/** Returns Tidings' output in feedparser_dump.py's shape. */
export function toOracleShape(parsed: ParsedFeed): Omit<OracleDocument, 'file'> {
  const meta = parsed.feed;
  const feed: Record<string, unknown> = {
    ...common(meta),
    rights: meta.rights ?? null,
    rightsType: meta.rightsType ?? null,
    subtitle: meta.subtitle ?? null,
    subtitleType: meta.subtitleType ?? null,
    image: meta.image
      ? {
          url: meta.image.url ?? null,
          title: meta.image.title ?? null,
          link: meta.image.link ?? null,
          width: meta.image.width ?? null,
          height: meta.image.height ?? null,
        }
      : null,
    icon: meta.icon ?? null,
    logo: meta.logo ?? null,
    generator: meta.generator
      ? { name: meta.generator.name ?? null, version: meta.generator.version ?? null, url: meta.generator.url ?? null }
      : null,
    ttl: meta.ttl ?? null,
    docs: meta.docs ?? null,
  };
  const entries = parsed.items.map((item) => ({
    ...common(item),
    rights: item.rights ?? null,
    rightsType: item.rights === undefined ? null : 'text',
    summary: item.summary ?? null,
    summaryType: item.summaryType ?? null,
    content: item.content ?? null,
    contentType: item.contentType ?? null,
    enclosures: item.enclosures.map((e) => ({ url: e.url, type: e.type ?? null, length: e.length ?? null })),
    comments: item.comments ?? null,
    source: item.source ?? null,
  }));
  return { bozo: !parsed.wellFormed, encoding: parsed.encoding, version: parsed.format, feed, entries };
}

/** Field names whose value is a typed text construct, with the name of their type field. */
const TYPED: Readonly<Record<string, string>> = {
  title: 'titleType',
  subtitle: 'subtitleType',
  rights: 'rightsType',
  summary: 'summaryType',
  content: 'contentType',
};

/** Numbers feedparser keeps as the strings found (lengths, ttl, image sizes). */
const NUMERIC_KEYS = new Set(['length', 'ttl', 'width', 'height']);

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function normalizeValue(key: string, value: unknown, owner: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    if (NUMERIC_KEYS.has(key) && /^\s*[\d,]+\s*$/.test(value)) return Number(value.replace(/[,\s]/g, ''));
    const typeKey = TYPED[key];
    if (typeKey !== undefined && owner[typeKey] === 'html') return htmlText(value);
    return value.trim();
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? normalizeObject(v) : v));
  if (typeof value === 'object' && value !== null) return normalizeObject(value as Record<string, unknown>);
  return value;
}

function normalizeObject(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (!isEmpty(v)) out[key] = normalizeValue(key, v, value);
  }
  return out;
}

/** The fields each side's value is compared on; the rest of feedparser's output is not mapped. */
const FEED_FIELDS = [
  'id',
  'title',
  'titleType',
  'link',
  'subtitle',
  'subtitleType',
  'rights',
  'rightsType',
  'language',
  'updated',
  'published',
  'authors',
  'contributors',
  'categories',
  'image',
  'icon',
  'logo',
  'generator',
  'ttl',
  'docs',
];
const ENTRY_FIELDS = [
  'id',
  'title',
  'titleType',
  'link',
  'updated',
  'published',
  'authors',
  'contributors',
  'summary',
  'summaryType',
  'content',
  'contentType',
  'categories',
  'enclosures',
  'comments',
];

/** One compared field: where, and both values (normalized), or undefined values when absent. */
export interface FieldComparison {
  field: string;
  ours: unknown;
  theirs: unknown;
  agree: boolean;
}

function compareField(field: string, key: string, ours: Record<string, unknown>, theirs: Record<string, unknown>) {
  const a = isEmpty(ours[key]) ? undefined : normalizeValue(key, ours[key], ours);
  const b = isEmpty(theirs[key]) ? undefined : normalizeValue(key, theirs[key], theirs);
  return { field, ours: a, theirs: b, agree: JSON.stringify(a) === JSON.stringify(b) };
}

/** Returns every mapped field that either side has, with whether both agree. */
export function compareWithOracle(ours: Omit<OracleDocument, 'file'>, theirs: OracleDocument): FieldComparison[] {
  const out: FieldComparison[] = [];
  out.push({ field: 'wellFormed', ours: !ours.bozo, theirs: !theirs.bozo, agree: ours.bozo === theirs.bozo });
  for (const key of FEED_FIELDS) {
    const c = compareField(`feed.${key}`, key, ours.feed, theirs.feed);
    if (c.ours !== undefined || c.theirs !== undefined) out.push(c);
  }
  out.push({
    field: 'items.length',
    ours: ours.entries.length,
    theirs: theirs.entries.length,
    agree: ours.entries.length === theirs.entries.length,
  });
  const n = Math.min(ours.entries.length, theirs.entries.length);
  for (let i = 0; i < n; i++) {
    for (const key of ENTRY_FIELDS) {
      const c = compareField(`items[${i}].${key}`, key, ours.entries[i], theirs.entries[i]);
      if (c.ours !== undefined || c.theirs !== undefined) out.push(c);
    }
  }
  return out;
}
