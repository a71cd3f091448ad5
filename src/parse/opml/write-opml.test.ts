import { describe, expect, it } from 'vitest';
import { createSeededRandom, type SeededRandom } from '../../util/seeded-random.ts';
import { parseXml } from '../xml/parse-xml.ts';
import { normalizeCategory } from './normalize-category.ts';
import type { OpmlFeed } from './opml-types.ts';
import { parseOpml } from './parse-opml.ts';
import { writeOpml } from './write-opml.ts';

function readBack(text: string): { title?: string; feeds: OpmlFeed[]; problems: string[] } {
  const result = parseOpml(text);
  if (result.kind !== 'opml') throw new Error(result.error.message);
  return result;
}

describe('writeOpml', () => {
  it('leaves out a feed whose URL may not leave Tidings, and such a site URL', () => {
    const text = writeOpml({
      feeds: [
        { xmlUrl: 'archive:Bare%20folder', categories: [] },
        { xmlUrl: 'javascript:alert(1)', categories: [] },
        { xmlUrl: 'https://a.example/feed', htmlUrl: ' JavaScript:alert(1)', categories: [] },
      ],
    });
    expect(text).not.toMatch(/archive:|javascript/i);
    expect(text).toContain('<outline type="rss" text="https://a.example/feed" xmlUrl="https://a.example/feed"/>');
  });

  it('writes OPML 2.0 with feeds nested by their first category', () => {
    const text = writeOpml({
      title: 'My feeds',
      dateCreated: new Date(Date.UTC(2024, 8, 14, 8, 12, 51)),
      feeds: [
        { xmlUrl: 'https://a.example/rss', title: 'A', categories: ['News/World'] },
        { xmlUrl: 'https://b.example/atom', title: 'B', htmlUrl: 'https://b.example/', categories: [], type: 'atom' },
        { xmlUrl: 'https://c.example/rss', title: 'C', categories: ['News', 'Science/Space', 'tag'], description: 'd' },
      ],
    });
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        '  <head>',
        '    <title>My feeds</title>',
        '    <dateCreated>Sat, 14 Sep 2024 08:12:51 GMT</dateCreated>',
        '  </head>',
        '  <body>',
        '    <outline text="News" title="News">',
        '      <outline text="World" title="World">',
        '        <outline type="rss" text="A" title="A" xmlUrl="https://a.example/rss"/>',
        '      </outline>',
        '      <outline type="rss" text="C" title="C" xmlUrl="https://c.example/rss" description="d" category="/Science/Space,tag"/>',
        '    </outline>',
        '    <outline type="atom" text="B" title="B" xmlUrl="https://b.example/atom" htmlUrl="https://b.example/"/>',
        '  </body>',
        '</opml>',
        '',
      ].join('\n'),
    );
  });

  it('escapes attribute values and drops characters XML cannot carry', () => {
    const title = 'Tom & Jerry <"quoted"> \'s\ttab\nline\u0001\uFFFF\uD800end';
    const text = writeOpml({
      title: 'a & <b>\u0000',
      feeds: [{ xmlUrl: 'https://e.example/?a=1&b="2"', title, categories: ['R&D <x>'] }],
    });
    const doc = parseXml(text);
    expect(doc.wellFormed).toBe(true);
    const back = readBack(text);
    expect(back.title).toBe('a & <b>');
    expect(back.feeds).toEqual([
      {
        xmlUrl: 'https://e.example/?a=1&b="2"',
        title: 'Tom & Jerry <"quoted"> \'s\ttab\nlineend',
        type: 'rss',
        categories: ['R&D <x>'],
      },
    ]);
  });

  it('writes the URL as the required text of an untitled feed, which reads back as untitled', () => {
    const text = writeOpml({ feeds: [{ xmlUrl: 'https://u.example/rss', categories: [] }] });
    expect(text).toContain('<outline type="rss" text="https://u.example/rss" xmlUrl="https://u.example/rss"/>');
    expect(readBack(text).feeds[0].title).toBeUndefined();
  });

  it('round-trips categories: read(write(x)) gives back every feed with normalized categories', () => {
    const random = createSeededRandom(7);
    for (let round = 0; round < 200; round++) {
      const feeds = generateFeeds(random);
      const back = readBack(writeOpml({ feeds }));
      expect(back.problems).toEqual([]);
      const expected = feeds.map((f) => ({ xmlUrl: f.xmlUrl, categories: normalizeAll(f.categories) }));
      const got = back.feeds.map((f) => ({ xmlUrl: f.xmlUrl, categories: f.categories }));
      expect(sortByUrl(got)).toEqual(sortByUrl(expected));
    }
  });
});

const SEGMENTS = ['News', 'World', 'Tech', '科技', 'Science', ' Space ', 'R&D', 'a "b"', 'x<y>', 'Économie'];

function generateFeeds(random: SeededRandom): OpmlFeed[] {
  const feeds: OpmlFeed[] = [];
  const count = random.int(0, 8);
  for (let i = 0; i < count; i++) {
    const categories: string[] = [];
    const categoryCount = random.int(0, 3);
    for (let c = 0; c < categoryCount; c++) {
      const depth = random.int(1, 3);
      const path = Array.from({ length: depth }, () => random.pick(SEGMENTS)).join('/');
      categories.push(random.next() < 0.2 ? `/${path}/` : path);
    }
    feeds.push({ xmlUrl: `https://f${i}.example/feed?x=${i}&y=${random.int(0, 9)}`, title: `Feed ${i}`, categories });
  }
  return feeds;
}

function normalizeAll(categories: string[]): string[] {
  const out: string[] = [];
  for (const category of categories) {
    const normal = normalizeCategory(category);
    if (normal !== '' && !out.includes(normal)) out.push(normal);
  }
  return out;
}

function sortByUrl<T extends { xmlUrl: string }>(feeds: T[]): T[] {
  return [...feeds].sort((a, b) => a.xmlUrl.localeCompare(b.xmlUrl));
}
