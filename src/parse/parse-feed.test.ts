import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';

const RSS =
  '<?xml version="1.0"?><rss version="2.0"><channel><title>Caf\u00e9</title><item><title>A</title><link>a</link></item></channel></rss>';

function feedOf(input: Uint8Array | string, options = {}) {
  const result = parseFeed(input, options);
  if (result.kind !== 'feed') throw new Error(`expected a feed, got: ${result.error.message}`);
  return result.feed;
}

describe('parseFeed', () => {
  it('gives the same result for text and for its UTF-8 bytes', () => {
    expect(feedOf(RSS, { url: 'http://x.example/f' })).toEqual(
      feedOf(new TextEncoder().encode(RSS), { url: 'http://x.example/f' }),
    );
  });

  it('ignores a BOM in text input', () => {
    expect(feedOf(`\ufeff${RSS}`).feed.title).toBe('Caf\u00e9');
    expect(feedOf('\ufeff{"version":"https://jsonfeed.org/version/1","title":"J","items":[]}').format).toBe('json10');
  });

  it('decodes bytes by the HTTP charset, and a per-feed override beats it', () => {
    const latin1 = Uint8Array.from(Buffer.from(RSS.replace('<?xml version="1.0"?>', ''), 'latin1'));
    const byHeader = feedOf(latin1, { contentType: 'application/rss+xml; charset="ISO-8859-1"' });
    expect(byHeader.encoding).toBe('windows-1252');
    expect(byHeader.feed.title).toBe('Caf\u00e9');
    const overridden = feedOf(latin1, { contentType: 'text/xml; charset=utf-8', encodingOverride: 'windows-1252' });
    expect(overridden.feed.title).toBe('Caf\u00e9');
  });

  it('resolves links against Content-Location, itself relative to the URL', () => {
    const feed = feedOf(RSS, { url: 'http://x.example/old/f.xml', headers: { 'content-location': '/new/f.xml' } });
    expect(feed.items[0].link).toBe('http://x.example/new/a');
  });

  it('takes Content-Language only when the document names no language', () => {
    expect(feedOf(RSS, { headers: { 'content-language': 'fr' } }).feed.language).toBe('fr');
    const withLanguage = RSS.replace('<title>', '<language>en</language><title>');
    expect(feedOf(withLanguage, { headers: { 'content-language': 'fr' } }).feed.language).toBe('en');
  });

  it('reports a broken document as recovered, with the problems listed', () => {
    const feed = feedOf('<rss version="2.0"><channel><title>Cut off</title><item><title>A</title>');
    expect(feed.wellFormed).toBe(false);
    expect(feed.problems.length).toBeGreaterThan(0);
    expect(feed.items.map((i) => i.title)).toEqual(['A']);
  });

  it('returns not-a-feed with a stable code for non-feeds', () => {
    const result = parseFeed('<html><body>hi</body></html>');
    expect(result.kind).toBe('not-a-feed');
    if (result.kind === 'not-a-feed') {
      expect(result.error.code).toBe('parse.not-a-feed');
      expect(result.error.message).toBe('an HTML page, not a feed');
    }
  });

  it('never throws and never hangs on hostile input', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]><rss version="2.0"><channel><title>&g;</title></channel></rss>';
    const inputs: Array<string | Uint8Array> = [
      laughs,
      `<rss version="2.0"><channel>${'<item><description>'.repeat(50_000)}`,
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="xhtml">${'<div>'.repeat(50_000)}</title></entry></feed>`,
      `<rss version="2.0"><channel><item><enclosure url="${'a'.repeat(2_000_000)}"/></item></channel></rss>`,
      `{"version":"https://jsonfeed.org/version/1.1","items":[${'{"id":1},'.repeat(100_000)}{}]}`,
      `${'{'.repeat(100_000)}`,
      `<rss version="2.0"><channel><item>${'<enclosure url="x" type="image/png"/><media:thumbnail url="y"/>'.repeat(20_000)}${Array.from({ length: 20_000 }, (_, i) => `<enclosure url="e${i}"/>`).join('')}</item></channel></rss>`,
      `<rss version="2.0"><channel><item><author>${'@'.repeat(500_000)}</author><title>${'<!--'.repeat(100_000)}</title><description>${'&lt;a '.repeat(100_000)}</description></item></channel></rss>`,
      Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256),
    ];
    for (const input of inputs) {
      const result = parseFeed(input);
      expect(['feed', 'not-a-feed']).toContain(result.kind);
      if (result.kind === 'not-a-feed') expect(result.error.code).toBe('parse.not-a-feed');
    }
  }, 60_000);
});
