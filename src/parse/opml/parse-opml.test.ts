import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/errors.ts';
import { parseOpml } from './parse-opml.ts';
import type { ParseOpmlResult } from './opml-types.ts';

const LIST_URL = 'https://opml.example.com/lists/mine.opml';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`./testdata/${name}`, import.meta.url));
}

function opml(result: ParseOpmlResult): Extract<ParseOpmlResult, { kind: 'opml' }> {
  if (result.kind !== 'opml') throw new Error(`expected OPML, got: ${result.error.message}`);
  return result;
}

describe('parseOpml: golden fixtures', () => {
  it.each(['feed-reader-export', 'radio-userland-1.0', 'entities-bom', 'broken'])('%s', (name) => {
    const result = opml(parseOpml(fixture(`${name}.opml`), { url: LIST_URL }));
    const expected = JSON.parse(fixture(`${name}.expected.json`).toString('utf8'));
    expect({ title: result.title, feeds: result.feeds }).toEqual(expected);
  });

  it('reports what was recovered in a broken or entity-laden file, and nothing for a clean one', () => {
    expect(opml(parseOpml(fixture('broken.opml'))).problems.length).toBeGreaterThan(0);
    expect(opml(parseOpml(fixture('entities-bom.opml'))).problems.length).toBeGreaterThan(0);
    expect(opml(parseOpml(fixture('radio-userland-1.0.opml'))).problems).toEqual([]);
  });
});

describe('parseOpml: behaviour', () => {
  it('says whether the document was well-formed: cut short or nested too deep is not, a listed-twice feed is', () => {
    const feed = (n: number) => `<outline xmlUrl="https://a.example/${n}"/>`;
    const whole = `<opml version="2.0"><body>${feed(1)}${feed(1)}</body></opml>`;
    const cut = `<opml version="2.0"><body>${feed(1)}<outline xmlUrl="https://a.exa`;
    const deep = `<opml version="2.0"><body>${'<outline text="x">'.repeat(300)}${feed(2)}${'</outline>'.repeat(300)}</body></opml>`;
    expect(parseOpml(whole)).toMatchObject({ wellFormed: true, feeds: [{ xmlUrl: 'https://a.example/1' }] });
    expect(parseOpml(cut)).toMatchObject({ wellFormed: false, feeds: [{ xmlUrl: 'https://a.example/1' }] });
    const nested = parseOpml(deep);
    expect(nested).toMatchObject({ wellFormed: false, feeds: [] });
    expect(nested.kind === 'opml' && nested.problems.join('\n')).toMatch(/nested too deep/);
  });

  it('uses the path of enclosing outline titles as the first category', () => {
    const { feeds } = opml(parseOpml(fixture('feed-reader-export.opml')));
    const bbc = feeds.find((f) => f.xmlUrl === 'https://feeds.bbci.co.uk/news/world/rss.xml');
    expect(bbc?.categories[0]).toBe('News/World');
  });

  it('keeps a feed listed twice once, merges its categories and says so', () => {
    const result = opml(parseOpml(fixture('feed-reader-export.opml')));
    const bbc = result.feeds.filter((f) => f.xmlUrl === 'https://feeds.bbci.co.uk/news/world/rss.xml');
    expect(bbc).toHaveLength(1);
    expect(bbc[0].categories).toEqual(['News/World', 'Tech']);
    expect(result.problems.some((p) => p.includes('https://feeds.bbci.co.uk/news/world/rss.xml'))).toBe(true);
  });

  it('adds category attribute values, normalizing OPML 2.0 paths', () => {
    const text = `<opml version="2.0"><body><outline text="F">
      <outline text="x" xmlUrl="https://a.example/rss" category="/Science//Space/, tag one ,,/F"/>
    </outline></body></opml>`;
    expect(opml(parseOpml(text)).feeds[0].categories).toEqual(['F', 'Science/Space', 'tag one']);
  });

  it('falls back to text for the title, and treats a title that is only the URL as none', () => {
    const text = `<opml version="2.0"><body>
      <outline text="From text" xmlUrl="https://a.example/rss"/>
      <outline text="https://b.example/rss" xmlUrl="https://b.example/rss"/>
      <outline title="From title" text="other" xmlUrl="https://c.example/rss"/>
    </body></opml>`;
    expect(opml(parseOpml(text)).feeds.map((f) => f.title)).toEqual(['From text', undefined, 'From title']);
  });

  it('resolves relative URLs against xml:base and the list URL', () => {
    const text = `<opml version="2.0"><body>
      <outline text="a" xmlUrl="feeds/a.xml" htmlUrl="/"/>
      <outline text="Folder" xml:base="https://other.example/base/"><outline text="b" xmlUrl="b.xml"/></outline>
    </body></opml>`;
    const { feeds } = opml(parseOpml(text, { url: LIST_URL }));
    expect(feeds.map((f) => f.xmlUrl)).toEqual([
      'https://opml.example.com/lists/feeds/a.xml',
      'https://other.example/base/b.xml',
    ]);
    expect(feeds[0].htmlUrl).toBe('https://opml.example.com/');
  });

  it('matches attribute names case-insensitively and skips outlines that are neither feeds nor folders', () => {
    const text = `<opml><body><outline TEXT="Upper" XMLURL="https://u.example/rss"/><outline text="note"/>
      <outline text="Empty folder"></outline></body></opml>`;
    const { feeds } = opml(parseOpml(text));
    expect(feeds).toEqual([{ xmlUrl: 'https://u.example/rss', title: 'Upper', categories: [] }]);
  });

  it('decodes bytes by their declaration and strips a BOM from a string', () => {
    const latin1 = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1252"?><opml><body><outline text="Caf'),
      Buffer.from([0xe9, 0x20, 0x93, 0x71, 0x94]),
      Buffer.from('" xmlUrl="https://c.example/rss"/></body></opml>'),
    ]);
    expect(opml(parseOpml(new Uint8Array(latin1))).feeds[0].title).toBe('Café “q”');
    expect(
      opml(parseOpml('\uFEFF<opml><body><outline text="t" xmlUrl="https://t.example/"/></body></opml>')).feeds,
    ).toHaveLength(1);
  });

  it('returns not-opml with parse.not-opml for other documents', () => {
    for (const input of [
      '<rss version="2.0"><channel/></rss>',
      '<!doctype html><html><body>hi</body></html>',
      '{"a":1}',
      '',
    ]) {
      const result = parseOpml(input);
      expect(result.kind).toBe('not-opml');
      if (result.kind === 'not-opml') expect(isAppError(result.error, 'parse.not-opml')).toBe(true);
    }
  });

  it('stays linear on deep nesting and many outlines', () => {
    const deep = `<opml><body>${'<outline text="d">'.repeat(5000)}<outline text="f" xmlUrl="https://d.example/"/></body></opml>`;
    const wide = `<opml><body>${Array.from({ length: 20_000 }, (_, i) => `<outline text="f${i}" xmlUrl="https://w.example/${i % 10_000}"/>`).join('')}</body></opml>`;
    parseOpml(deep);
    const result = opml(parseOpml(wide));
    expect(result.feeds).toHaveLength(10_000);
    expect(result.problems).toHaveLength(11);
    expect(result.problems[10]).toBe('9990 more feeds listed more than once');
  }, 60_000);
});
