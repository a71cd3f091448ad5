import { describe, expect, it } from 'vitest';
import { parseOpml } from '../../src/parse/opml/index.ts';
import { writeOpml } from './tidings-runner.ts';

describe('writeOpml', () => {
  it('writes an OPML document that Tidings reads back as every feed, in order', () => {
    const urls = ['http://127.0.0.1:8080/feeds/0001.xml', 'http://127.0.0.1:8080/feeds/0002.xml?a=1&b=2'];
    const result = parseOpml(new TextEncoder().encode(writeOpml(urls)));
    expect(result.kind).toBe('opml');
    expect(result.kind === 'opml' ? result.feeds.map((feed) => feed.xmlUrl) : []).toEqual(urls);
  });
});
