/**
 * Validating readers for the sidecar files: one `index.jsonl` line or a `feed.json` text
 * into an ArchiveRecord or ArchiveFeed. Lenient like the feed parsers: a line that is not
 * a usable record is a value with a reason (the caller reports it and goes on), unknown
 * keys are ignored so newer archives still import, and an ill-typed optional field only
 * fails the line when it would change meaning. No schema library is installed, and the
 * shape is small enough to check by hand.
 */
import type { Category, Enclosure, Person } from '../domain/parsed-feed.ts';
import { checkRecord, type ArchiveFeed, type ArchiveRecord } from './serialize-sidecars.ts';
import { dropUndefined } from '../util/drop-undefined.ts';

/** A parsed sidecar value, or why it could not be used. */
export type ParseSidecarResult<T> = { kind: 'ok'; value: T } | { kind: 'invalid'; reason: string };

type Json = Record<string, unknown>;

class Invalid extends Error {}

/** Parses one `index.jsonl` line into a checked record. */
export function parseArchiveRecord(line: string): ParseSidecarResult<ArchiveRecord> {
  return guard(line, (o) => {
    const fileBody = o.fileBody ?? (o.cleanedBody === undefined ? 'raw' : 'cleaned');
    if (fileBody !== 'raw' && fileBody !== 'cleaned') throw new Invalid(`fileBody must be "raw" or "cleaned"`);
    const record: ArchiveRecord = {
      file: text(o, 'file'),
      key: text(o, 'key'),
      identity: text(o, 'identity'),
      revision: int(o, 'revision'),
      feedUrl: text(o, 'feedUrl'),
      feedTitle: optText(o, 'feedTitle'),
      guid: optText(o, 'guid'),
      link: optText(o, 'link'),
      title: text(o, 'title'),
      authors: list(o, 'authors', readPerson),
      categories: list(o, 'categories', readCategory),
      enclosures: list(o, 'enclosures', readEnclosure),
      publishedAt: optInt(o, 'publishedAt'),
      updatedAt: optInt(o, 'updatedAt'),
      seenAt: int(o, 'seenAt'),
      firstSeenAt: optInt(o, 'firstSeenAt'),
      fingerprint: optText(o, 'fingerprint'),
      fileBody,
      rawBody: text(o, 'rawBody'),
      cleanedBody: optText(o, 'cleanedBody'),
    };
    const problem = checkRecord(record);
    if (problem !== undefined) throw new Invalid(problem);
    return dropUndefined(record);
  });
}

/** Parses a `feed.json` text into feed metadata. */
export function parseArchiveFeed(json: string): ParseSidecarResult<ArchiveFeed> {
  return guard(json, (o) =>
    dropUndefined({
      url: text(o, 'url'),
      title: optText(o, 'title'),
      siteUrl: optText(o, 'siteUrl'),
      category: optText(o, 'category'),
    }),
  );
}

function guard<T>(json: string, read: (o: Json) => T): ParseSidecarResult<T> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { kind: 'invalid', reason: 'not valid JSON' };
  }
  if (!isObject(value)) return { kind: 'invalid', reason: 'not a JSON object' };
  try {
    return { kind: 'ok', value: read(value) };
  } catch (error) {
    if (error instanceof Invalid) return { kind: 'invalid', reason: error.message };
    throw error;
  }
}

function readPerson(o: Json): Person {
  return dropUndefined({ name: optText(o, 'name'), email: optText(o, 'email'), url: optText(o, 'url') });
}

function readCategory(o: Json): Category {
  return dropUndefined({ term: text(o, 'term'), scheme: optText(o, 'scheme'), label: optText(o, 'label') });
}

function readEnclosure(o: Json): Enclosure {
  const length = o.length;
  return dropUndefined({
    url: text(o, 'url'),
    type: optText(o, 'type'),
    length: typeof length === 'number' ? length : undefined,
  });
}

function text(o: Json, key: string): string {
  const value = o[key];
  if (typeof value !== 'string') throw new Invalid(`${key} must be a string`);
  return value;
}

function optText(o: Json, key: string): string | undefined {
  return o[key] === undefined || o[key] === null ? undefined : text(o, key);
}

function int(o: Json, key: string): number {
  const value = o[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Invalid(`${key} must be an integer`);
  return value;
}

function optInt(o: Json, key: string): number | undefined {
  return o[key] === undefined || o[key] === null ? undefined : int(o, key);
}

function list<T>(o: Json, key: string, read: (item: Json) => T): T[] {
  const value = o[key] ?? [];
  if (!Array.isArray(value)) throw new Invalid(`${key} must be a list`);
  return value.map((item) => {
    if (!isObject(item)) throw new Invalid(`${key} must hold objects`);
    return read(item);
  });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
