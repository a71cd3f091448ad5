import { describe, expect, it } from 'vitest';
import {
  articleFileOf,
  buildArchiveRecord,
  serializeFeed,
  serializeRecord,
  type ArchiveRecord,
} from './serialize-sidecars.ts';
import { parseArchiveFeed, parseArchiveRecord } from './parse-sidecars.ts';
import { sampleFeeds } from './testdata/sample-records.ts';

const base = buildArchiveRecord({
  identity: 'guid:1',
  revision: 0,
  feedUrl: 'https://a.org/rss',
  title: 'T',
  authors: [],
  categories: [],
  enclosures: [],
  seenAt: 1000,
  fileBody: 'raw',
  rawBody: '<p>raw</p>',
});

function parseOk(line: string): ArchiveRecord {
  const result = parseArchiveRecord(line);
  if (result.kind !== 'ok') throw new Error(result.reason);
  return result.value;
}

describe('index records', () => {
  it('round-trips every generated record through one JSON line', () => {
    for (const { records } of sampleFeeds(4, 7)) {
      for (const record of records) {
        const line = serializeRecord(record);
        expect(line.endsWith('\n')).toBe(true);
        expect(line.slice(0, -1)).not.toMatch(/[\n\r\u2028\u2029]/);
        expect(parseOk(line)).toEqual(JSON.parse(JSON.stringify(record)));
        expect(serializeRecord(parseOk(line))).toBe(line);
      }
    }
  });

  it('writes keys in one fixed order whatever order the object was built in', () => {
    const shuffled = Object.fromEntries(
      Object.entries({ ...base, guid: 'g', cleanedBody: 'c' }).reverse(),
    ) as unknown as ArchiveRecord;
    const line = serializeRecord(shuffled);
    expect(line).toBe(serializeRecord({ ...base, guid: 'g', cleanedBody: 'c' }));
    expect(Object.keys(JSON.parse(line))).toEqual([
      'file',
      'key',
      'identity',
      'revision',
      'feedUrl',
      'guid',
      'title',
      'authors',
      'categories',
      'enclosures',
      'seenAt',
      'fileBody',
      'rawBody',
      'cleanedBody',
    ]);
  });

  it('ignores unknown keys, so newer archives still import', () => {
    const line = JSON.stringify({ ...JSON.parse(serializeRecord(base)), addedLater: [1, 2] });
    expect(parseOk(line)).toEqual(base);
  });

  it('rejects lines that are not usable records, with a reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"file": "000_', /not valid JSON/],
      ['[1,2]', /not a JSON object/],
      [JSON.stringify({ ...base, title: undefined }), /title/],
      [JSON.stringify({ ...base, file: `001_${base.key}.txt` }), /does not match/],
      [JSON.stringify({ ...base, fileBody: 'cleaned' }), /cleanedBody/],
      [JSON.stringify({ ...base, seenAt: '2022-11-02' }), /seenAt/],
      [JSON.stringify({ ...base, authors: ['x'] }), /authors/],
    ];
    for (const [line, reason] of cases) {
      const result = parseArchiveRecord(line);
      expect(result.kind).toBe('invalid');
      if (result.kind === 'invalid') expect(result.reason).toMatch(reason);
    }
  });

  it('derives key and file name from the identity and revision', () => {
    expect(base.key).toMatch(/^[0-9a-f]{16}$/);
    expect(base.file).toBe(`000_${base.key}.txt`);
    expect(buildArchiveRecord({ ...base, revision: 2 }).file).toBe(`002_${base.key}.txt`);
  });
});

describe('articleFileOf', () => {
  it('uses the published time, else when the article was first seen', () => {
    expect(articleFileOf({ ...base, publishedAt: 5, firstSeenAt: 7 }).time).toBe(5);
    expect(articleFileOf({ ...base, firstSeenAt: 7 }).time).toBe(7);
    expect(articleFileOf(base).time).toBe(1000);
    expect(articleFileOf({ ...base, publishedAt: -86_400_000 }).time).toBe(1000);
  });

  it('holds the chosen body and an empty url when there is no link', () => {
    expect(articleFileOf(base)).toEqual({ time: 1000, title: 'T', url: '', body: '<p>raw</p>' });
    expect(
      articleFileOf({ ...base, link: 'https://a.org/1', fileBody: 'cleaned', cleanedBody: '<p>c</p>' }),
    ).toMatchObject({
      url: 'https://a.org/1',
      body: '<p>c</p>',
    });
  });
});

describe('feed.json', () => {
  it('round-trips in a fixed, readable form', () => {
    const feed = { category: '国际', url: 'https://www.rfi.fr/cn/rss', title: 'RFI 中文' };
    const text = serializeFeed(feed);
    expect(text).toBe('{\n  "url": "https://www.rfi.fr/cn/rss",\n  "title": "RFI 中文",\n  "category": "国际"\n}\n');
    expect(parseArchiveFeed(text)).toEqual({ kind: 'ok', value: feed });
    expect(parseArchiveFeed('{"title": "no url"}').kind).toBe('invalid');
  });
});
