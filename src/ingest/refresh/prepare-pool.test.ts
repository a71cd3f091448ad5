import { afterEach, describe, expect, it } from 'vitest';
import { learnBoilerplate, loadShippedRulePacks } from '../../clean/index.ts';
import { contentTokens, documentTokens } from '../../tokenize/document-tokens.ts';
import { prepareDocument, type PrepareDocumentInput } from './prepare-document.ts';
import { createPreparePool, type DocumentPreparer } from './prepare-pool.ts';

const FEED_URL = 'https://feeds.feedburner.com/example';
const LEARNED = learnBoilerplate(
  Array.from({ length: 24 }, (_, i) => `<p>Story ${i}.</p><p>Share this: <a href="https://t.co/x">t</a></p>`),
);

function rss(n: number): PrepareDocumentInput {
  const items = Array.from(
    { length: 4 },
    (_, i) => `<item><guid>urn:${n}:${i}</guid><title>Item ${n}.${i} &amp; more</title>
    <link>https://example.com/${n}/${i}</link><pubDate>Mon, 15 Jan 2024 08:0${i}:00 GMT</pubDate>
    <description><![CDATA[<p>Body ${n}.${i} 中文正文, a paragraph long enough that the learned block stays under the cap on what rules may remove.</p><script>x()</script><p>Share this: <a href="https://t.co/x">t</a></p>]]></description></item>`,
  );
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${n}</title><link>https://example.com/</link>
    <generator>WordPress 6.4</generator>${items.join('')}</channel></rss>`;
  return {
    body: new TextEncoder().encode(xml),
    url: FEED_URL,
    headers: { 'content-type': 'application/rss+xml' },
    feedUrl: FEED_URL,
    learned: LEARNED,
  };
}

let pool: DocumentPreparer | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('the prepare pool', () => {
  it('prepares documents on worker threads exactly as the calling thread does, each answer to its own document', async () => {
    const packs = loadShippedRulePacks();
    pool = createPreparePool({ size: 2, packs });
    const inputs = Array.from({ length: 6 }, (_, n) => rss(n));
    const results = await Promise.all(inputs.map((input) => pool!.prepare(input)));
    expect(results).toEqual(inputs.map((input) => prepareDocument(input, packs)));
    const first = results[0];
    if (first.kind !== 'feed') throw new Error(first.kind);
    expect(first.prepared.map((p) => p.entry.title)).toEqual([
      'Item 0.0 & more',
      'Item 0.1 & more',
      'Item 0.2 & more',
      'Item 0.3 & more',
    ]);
    expect(LEARNED).not.toEqual([]);
    expect(first.prepared[0].entry.cleanedBody).toContain('Body 0.0');
    expect(first.prepared[0].entry.cleanedBody).not.toContain('<script');
    expect(first.prepared[0].entry.cleanedBody).not.toContain('Share this');
  });

  it('makes the search tokens of a first fetch on a worker, the ones the store would make, and never stale ones', async () => {
    pool = createPreparePool({ size: 1, packs: undefined });
    const doc = await pool.prepare({ ...rss(1), searchTokens: { feedTitle: 'Feed one' } });
    if (doc.kind !== 'feed') throw new Error(doc.kind);
    const { contentTokens: made, ...entry } = doc.prepared[0].entry;
    expect(made).toEqual(contentTokens({ ...entry, feedTitle: 'Feed one' }));
    expect(made?.body.split(' ')).toContain('paragraph');
    const revision = { ...entry, contentTokens: made };
    expect(documentTokens({ ...revision, feedTitle: 'Feed one' }, 0)).toEqual(
      documentTokens({ ...entry, feedTitle: 'Feed one' }, 0),
    );
    // The store knows another title by now (the user renamed the feed): the tokens are made again, with it.
    expect(documentTokens({ ...revision, feedTitle: 'Renamed' }).feed).toBe(
      documentTokens({ ...entry, feedTitle: 'Renamed' }).feed,
    );
    expect(documentTokens({ ...revision, feedTitle: 'Renamed' }).feed).toContain('renamed');
    const later = await pool.prepare(rss(2));
    if (later.kind !== 'feed') throw new Error(later.kind);
    expect(later.prepared[0].entry.contentTokens).toBeUndefined();
  });

  it('learns boilerplate as learnBoilerplate does, on the calling thread and on a worker', async () => {
    pool = createPreparePool({ size: 1, packs: undefined });
    const bodies = Array.from(
      { length: 24 },
      (_, i) => `<p>Story ${i} about things.</p><p>Follow us on Weibo for more news</p>`,
    );
    const [here, there] = await Promise.all([pool.learn(bodies), pool.learn(bodies)]);
    expect(here).toEqual(learnBoilerplate(bodies));
    expect(there).toEqual(here);
    expect(here.length).toBeGreaterThan(0);
  });

  it('says when a document is not a feed', async () => {
    pool = createPreparePool({ size: 1, packs: undefined });
    const result = await pool.prepare({ ...rss(0), body: new TextEncoder().encode('<html><body>hello</body></html>') });
    expect(result.kind).toBe('not-a-feed');
  });

  it('falls back to the calling thread when a worker cannot start', async () => {
    const packs = loadShippedRulePacks().map((pack) => ({ ...pack, notCopyable: () => undefined }));
    pool = createPreparePool({ size: 2, packs });
    const input = rss(7);
    expect(await pool.prepare(input)).toEqual(prepareDocument(input, packs));
  });
});
