import { describe, expect, it } from 'vitest';
import { detectXmlFormat, sniffSyntax } from './detect-format.ts';
import { parseXml } from './xml/parse-xml.ts';

function detect(text: string) {
  return detectXmlFormat(parseXml(text).root, text);
}

describe('sniffSyntax', () => {
  it('looks past a BOM and whitespace', () => {
    expect(sniffSyntax('\ufeff \n {"a":1}')).toBe('json');
    expect(sniffSyntax('\n<rss/>')).toBe('markup');
    expect(sniffSyntax(' \t\ufeff')).toBe('empty');
  });
});

describe('detectXmlFormat', () => {
  it.each([
    ['<rss version="0.91"><channel/></rss>', 'rss091u'],
    [
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel/></rss>',
      'rss091n',
    ],
    ['<rss version="0.92"/>', 'rss092'],
    ['<rss version="0.93"/>', 'rss093'],
    ['<rss version="0.94"/>', 'rss094'],
    ['<rss version="2.0"/>', 'rss20'],
    ['<rss version="2.00"/>', 'rss20'],
    ['<rss version=" 2 "/>', 'rss20'],
    [
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>',
      'rss10',
    ],
    [
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><item/></rdf:RDF>',
      'rss090',
    ],
    ['<feed xmlns="http://www.w3.org/2005/Atom"/>', 'atom10'],
    ['<feed xmlns="http://purl.org/atom/ns#" version="0.3"/>', 'atom03'],
  ])('%s → %s', (text, format) => {
    expect(detect(text)).toEqual({ kind: 'feed', format, problems: [] });
  });

  it('reads deviations seen in the wild, with a problem line', () => {
    expect(detect('<rss><channel/></rss>')).toMatchObject({
      format: 'rss20',
      problems: [expect.stringContaining('without a version')],
    });
    expect(detect('<rss version="3.0"/>')).toMatchObject({
      format: 'rss20',
      problems: [expect.stringContaining('"3.0"')],
    });
    expect(detect('<channel><title>x</title></channel>')).toMatchObject({
      format: 'rss20',
      problems: [expect.stringContaining('without an rss root')],
    });
    expect(detect('<feed version="0.3"><title>x</title></feed>')).toMatchObject({
      format: 'atom03',
      problems: [expect.any(String)],
    });
  });

  it('says what a non-feed looked like', () => {
    expect(detect('<!DOCTYPE html><html><body>x</body></html>')).toEqual({
      kind: 'not-a-feed',
      looksLike: 'an HTML page, not a feed',
    });
    expect(detect('<svg xmlns="http://www.w3.org/2000/svg"/>')).toEqual({
      kind: 'not-a-feed',
      looksLike: 'an XML document with root element <svg>, not a feed',
    });
    expect(detect('just words')).toEqual({ kind: 'not-a-feed', looksLike: 'plain text, not a feed' });
    expect(detect('<feed xmlns="http://example.com/other"/>')).toMatchObject({ kind: 'not-a-feed' });
    expect(
      detect('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>'),
    ).toMatchObject({ kind: 'not-a-feed' });
  });
});
