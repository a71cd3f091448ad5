import { describe, expect, it } from 'vitest';
import { NS } from './namespaces.ts';
import { parseXml } from './parse-xml.ts';
import { childElements, findChild, getAttrNs, innerXml, langOf, textContent } from './query.ts';
import type { XmlElement } from './types.ts';

function root(xml: string, baseUrl?: string): XmlElement {
  const doc = parseXml(xml, { baseUrl });
  if (doc.root === null) throw new Error('no root');
  return doc.root;
}

describe('parseXml on well-formed input', () => {
  it('builds a namespace-resolved tree and reports nothing', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
        '<channel><item><title>A &amp; B</title><content:encoded><![CDATA[<p>x &amp; y</p>]]></content:encoded></item></channel></rss>',
    );
    expect(doc.wellFormed).toBe(true);
    expect(doc.problems).toEqual([]);
    expect(doc.declaredEncoding).toBe('UTF-8');
    const item = findChild(findChild(doc.root!, 'channel', '')!, 'item', '')!;
    expect(textContent(findChild(item, 'title', '')!)).toBe('A & B');
    expect(textContent(findChild(item, 'encoded', NS.CONTENT)!)).toBe('<p>x &amp; y</p>');
  });

  it('folds alternative spellings of namespace URIs', () => {
    const el = root('<rss xmlns:m="http://search.yahoo.com/mrss"><m:content url="u"/></rss>');
    expect(childElements(el)[0].ns).toBe(NS.MEDIA);
  });

  it('honours default namespaces and their scoping', () => {
    const el = root(
      '<feed xmlns="http://www.w3.org/2005/Atom"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div><title/></feed>',
    );
    expect(el.ns).toBe(NS.ATOM10);
    const [div, title] = childElements(el);
    expect(div.ns).toBe(NS.XHTML);
    expect(childElements(div)[0].ns).toBe(NS.XHTML);
    expect(title.ns).toBe(NS.ATOM10);
  });

  it('decodes numeric references, including astral ones, and replaces invalid ones', () => {
    expect(textContent(root('<a>&#8217;&#x1F600;&#0;&#xD800;</a>'))).toBe('\u2019\u{1F600}\uFFFD\uFFFD');
  });

  it('reads namespaced attributes and xml:lang by namespace', () => {
    const el = root(
      '<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xml:lang="zh-CN"><item r:about="http://e/1"/></r:RDF>',
    );
    const item = childElements(el)[0];
    expect(getAttrNs(item, 'about', NS.RDF)).toBe('http://e/1');
    expect(langOf(item)).toBe('zh-CN');
  });
});

describe('xml:base', () => {
  it('resolves nested bases per element against the document URL', () => {
    const feed = root(
      '<feed xml:base="/news/"><entry xml:base="2022/"><link/></entry><other/></feed>',
      'https://e.com/feed.xml',
    );
    const [entry, other] = childElements(feed);
    expect(feed.base).toBe('https://e.com/news/');
    expect(entry.base).toBe('https://e.com/news/2022/');
    expect(childElements(entry)[0].base).toBe('https://e.com/news/2022/');
    expect(other.base).toBe('https://e.com/news/');
  });

  it('uses the document URL when there is no xml:base', () => {
    expect(root('<rss/>', 'https://e.com/f').base).toBe('https://e.com/f');
    expect(root('<rss/>').base).toBeUndefined();
  });
});

describe('recovery', () => {
  it('keeps HTML named entities that feeds use without a DTD, and reports them', () => {
    const doc = parseXml('<t>a&nbsp;b&eacute;&hellip;</t>');
    expect(textContent(doc.root!)).toBe('a\u00a0bé…');
    expect(doc.wellFormed).toBe(false);
    expect(doc.problems.join('\n')).toMatch(/&nbsp;/);
  });

  it('keeps an unescaped ampersand and an undefined entity literally', () => {
    const doc = parseXml('<t>AT&T &bogus; Q&A</t>');
    expect(textContent(doc.root!)).toBe('AT&T &bogus; Q&A');
    expect(doc.problems.length).toBeGreaterThan(0);
  });

  it('gives the content of an unclosed <br> back to its parent', () => {
    const description = root('<rss><description>Hello<br>world</description></rss>').children[0] as XmlElement;
    expect(innerXml(description)).toBe('Hello<br>world');
  });

  it('closes elements left open by a mismatched end tag and drops stray end tags', () => {
    const doc = parseXml('<rss><channel><item><title>a</item><item><title>b</title></b></item></channel></rss>');
    const channel = childElements(doc.root!)[0];
    expect(childElements(channel).map((i) => textContent(i))).toEqual(['a', 'b']);
    expect(doc.problems.some((p) => p.includes('not closed'))).toBe(true);
    expect(doc.problems.some((p) => p.includes('stray end tag'))).toBe(true);
  });

  it('recovers every item of a truncated document', () => {
    const doc = parseXml('<rss><channel><item><title>one</title></item><item><title>two');
    const channel = childElements(doc.root!)[0];
    expect(childElements(channel).map((i) => textContent(i))).toEqual(['one', 'two']);
    expect(doc.wellFormed).toBe(false);
  });

  it('skips junk such as a PHP warning before the XML declaration', () => {
    const doc = parseXml(
      '<b>Warning</b>: something in x.php\n<?xml version="1.0" encoding="utf-8"?><rss><channel/></rss>',
    );
    expect(doc.root!.name).toBe('rss');
    expect(doc.declaredEncoding).toBe('utf-8');
    expect(doc.problems[0]).toMatch(/junk before the XML declaration/);
  });

  it('maps a conventional prefix the feed forgot to declare', () => {
    const doc = parseXml('<rss><item><content:encoded>x</content:encoded><dc:creator>me</dc:creator></item></rss>');
    const item = childElements(doc.root!)[0];
    expect(childElements(item).map((e) => e.ns)).toEqual([NS.CONTENT, NS.DC]);
    expect(doc.problems.join()).toMatch(/undeclared namespace prefix content:/);
  });

  it('accepts unquoted attribute values and bare "<" in text', () => {
    const doc = parseXml('<a href=x.html>1 < 2</a>');
    expect(doc.root!.attrs.href).toBe('x.html');
    expect(textContent(doc.root!)).toBe('1 < 2');
  });

  it('finds no document in plain text', () => {
    const doc = parseXml('just some words');
    expect(doc.root).toBeNull();
    expect(doc.wellFormed).toBe(false);
  });
});

describe('safety', () => {
  it('never loads an external entity (XXE)', () => {
    const doc = parseXml('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>');
    expect(textContent(doc.root!)).toBe('');
    expect(doc.problems.join()).toMatch(/not loaded/);
  });

  it('expands internal entities but stops a billion-laughs bomb within its budget', () => {
    const levels = ['<!ENTITY l0 "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
    const doc = parseXml(`<!DOCTYPE x [${levels.join('')}]><x>&l1; &l9;</x>`, {
      limits: { maxEntityExpansion: 100_000 },
    });
    expect(textContent(doc.root!).length).toBeLessThanOrEqual(100_000 + 100);
    expect(textContent(doc.root!).startsWith('lol'.repeat(10))).toBe(true);
    expect(doc.problems.join()).toMatch(/expansion limit/);
  });

  it('bounds nesting depth, keeping the text of what is too deep', () => {
    const depth = 100_000;
    const doc = parseXml(`<a>${'<b>'.repeat(depth)}deep${'</b>'.repeat(depth)}</a>`, { limits: { maxDepth: 50 } });
    expect(textContent(doc.root!)).toBe('deep');
    let d = 0;
    for (let e: XmlElement | undefined = doc.root!; e; e = childElements(e)[0]) d++;
    expect(d).toBeLessThanOrEqual(50);
  });

  it('cuts huge attribute values and drops extra attributes', () => {
    const attrs = Array.from({ length: 500 }, (_, i) => `a${i}="v"`).join(' ');
    const doc = parseXml(`<x big="${'y'.repeat(10_000)}" ${attrs}/>`, {
      limits: { maxAttributeLength: 100, maxAttributes: 10 },
    });
    expect(doc.root!.attrs.big.length).toBe(100);
    expect(Object.keys(doc.root!.attrs).length).toBe(10);
  });

  it('stays linear on many unmatched end tags and unclosed elements', () => {
    const hostile = `<a>${'<b>'.repeat(20_000)}${'</c>'.repeat(20_000)}`;
    parseXml(hostile);
  }, 60_000);
});

describe('known DTDs', () => {
  it('knows the Latin-1 entities the Netscape RSS 0.91 DTD declares, without loading it', () => {
    const doc = parseXml(
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">' +
        '<rss version="0.91"><channel><title>&copy; Caf&eacute;&nbsp;x</title></channel></rss>',
    );
    expect(textContent(doc.root!)).toBe('© Café\u00a0x');
    expect(doc.problems).toEqual([]);
    expect(doc.wellFormed).toBe(true);
  });
});
