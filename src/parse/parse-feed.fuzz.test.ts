import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSeededRandom, type SeededRandom } from '../util/seeded-random.ts';
import { parseFeed } from './parse-feed.ts';

const TESTDATA = join(import.meta.dirname, 'testdata');
const encoder = new TextEncoder();

const SEEDS: Uint8Array[] = [
  encoder.encode(
    '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>a &amp; b</title><link>/a</link><description>&lt;p&gt;x&lt;/p&gt;</description><pubDate>Wed, 02 Nov 2022 13:16:00 +0100</pubDate></item></channel></rss>',
  ),
  encoder.encode(
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://e.com/"><title type="html">&lt;b&gt;T&lt;/b&gt;</title><entry><id>1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry></feed>',
  ),
  encoder.encode(
    '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_html":"<p>x</p>","date_published":"2022-11-02T13:16:00Z"}]}',
  ),
];

function fixtureSeeds(): Uint8Array[] {
  try {
    return readdirSync(TESTDATA)
      .filter(
        (name) => /\.(xml|json)$/.test(name) && !name.endsWith('.expected.json') && !name.endsWith('.options.json'),
      )
      .slice(0, 40)
      .map((name) => readFileSync(join(TESTDATA, name)));
  } catch {
    return [];
  }
}

const INSERTS = [
  '<',
  '>',
  '&',
  '&amp;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '"',
  "'",
  '</item>',
  '<item>',
  '<entry>',
  '\u0000',
  '\uFFFF',
  '&#xD800;',
  '&nbsp;',
  '<br>',
  'xmlns:x="',
  '{',
  '}',
  '"items":[',
];

function mutate(seed: Uint8Array, random: SeededRandom): Uint8Array {
  const bytes = Uint8Array.from(seed);
  switch (random.int(0, 5)) {
    case 0:
      return bytes.subarray(0, random.int(0, bytes.length));
    case 1: {
      for (let n = random.int(1, 20); n > 0; n--) bytes[random.int(0, bytes.length - 1)] = random.int(0, 255);
      return bytes;
    }
    case 2: {
      const at = random.int(0, bytes.length);
      const insert = encoder.encode(random.pick(INSERTS).repeat(random.int(1, 5)));
      return Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at)]);
    }
    case 3: {
      const at = random.int(0, bytes.length);
      const depth = random.int(1000, 50_000);
      return Buffer.concat([bytes.subarray(0, at), encoder.encode('<x>'.repeat(depth)), bytes.subarray(at)]);
    }
    case 4: {
      const bomb =
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY x SYSTEM "file:///etc/passwd">]>';
      const text = Buffer.from(bytes)
        .toString('latin1')
        .replace(/<title>/, '<title>&g;&g;&x;');
      return Buffer.concat([encoder.encode(bomb), Buffer.from(text, 'latin1')]);
    }
    default: {
      const at = random.int(0, bytes.length);
      return Buffer.concat([
        bytes.subarray(0, at),
        encoder.encode(` a="${'y'.repeat(random.int(1, 300_000))}"`),
        bytes.subarray(at),
      ]);
    }
  }
}

describe('parseFeed under mutation (fuzz)', () => {
  const seeds = [...SEEDS, ...fixtureSeeds()];
  const random = createSeededRandom(20221102);

  it('never throws, always returns a result of the contract shape, within bounded time', () => {
    let slowest = 0;
    for (let round = 0; round < 600; round++) {
      const input = mutate(random.pick(seeds), random);
      const started = performance.now();
      const result = parseFeed(input, { url: 'https://example.com/feed' });
      const elapsed = performance.now() - started;
      slowest = Math.max(slowest, elapsed);
      expect(['feed', 'not-a-feed']).toContain(result.kind);
      if (result.kind === 'feed') {
        expect(Array.isArray(result.feed.items)).toBe(true);
        expect(Array.isArray(result.feed.problems)).toBe(true);
        expect(typeof JSON.stringify(result.feed)).toBe('string');
      } else {
        expect(result.error.code).toMatch(/^parse\./);
      }
    }
    expect(slowest).toBeLessThan(2000);
  });

  it('takes time proportional to the input: 10 × the input is not 100 × the time', () => {
    const item =
      '<item><title>t &amp; &nbsp;</title><description>&lt;p&gt;x&lt;/p&gt;<br></description><link>/x</link></item>';
    const doc = (n: number) => encoder.encode(`<rss version="2.0"><channel>${item.repeat(n)}`);
    parseFeed(doc(1000));
    const small = timeOf(() => parseFeed(doc(2000)));
    const large = timeOf(() => parseFeed(doc(20_000)));
    expect(large).toBeLessThan(small * 40 + 50);
  });
});

function timeOf(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}
