import { describe, expect, it } from 'vitest';
import { generateFeedSet, listItemKeys, type ServedFeed } from './feed-set.ts';

/** Returns the items of a served version, decoded as the feed declares. */
function itemsOf(feed: ServedFeed, version: 'before' | 'after'): string[] {
  const bytes = feed[version]?.bytes ?? Buffer.alloc(0);
  const text = new TextDecoder(feed.encoding === 'utf-8' ? 'utf-8' : 'gbk').decode(bytes);
  return text.match(/<item>[\s\S]*?<\/item>|<entry[ >][\s\S]*?<\/entry>/g) ?? [];
}

describe('generateFeedSet', () => {
  const set = generateFeedSet({ feeds: 40, items: 20, seed: 11 });

  it('gives the same bytes for the same seed', () => {
    const again = generateFeedSet({ feeds: 40, items: 20, seed: 11 });
    expect(again.feeds.map((f) => f.before.etag)).toEqual(set.feeds.map((f) => f.before.etag));
    expect(again.feeds.every((f, i) => f.before.bytes.equals(set.feeds[i].before.bytes))).toBe(true);
  });

  it('serves M items per feed, with ids and links distinct over all feeds', () => {
    const keys = set.feeds.flatMap((feed) => {
      const items = itemsOf(feed, 'before');
      expect(items).toHaveLength(20);
      return items.flatMap(listItemKeys);
    });
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('churns 10 % of the feeds: K new items on top, the K oldest dropped, a new ETag', () => {
    const churned = set.feeds.filter((feed) => feed.after);
    expect(churned).toHaveLength(4);
    expect(set.churnItems).toBe(2);
    for (const feed of churned) {
      const before = itemsOf(feed, 'before').map((item) => listItemKeys(item)[0]);
      const after = itemsOf(feed, 'after').map((item) => listItemKeys(item)[0]);
      expect(after).toHaveLength(20);
      expect(after.slice(2)).toEqual(before.slice(0, 18));
      expect(after.slice(0, 2).some((id) => before.includes(id))).toBe(false);
      expect(feed.after?.etag).not.toBe(feed.before.etag);
    }
  });

  it('mixes RSS and Atom, about 30 % Chinese, and GBK feeds that declare their charset', () => {
    expect(set.mix.rss).toBeGreaterThan(0);
    expect(set.mix.atom).toBeGreaterThan(0);
    expect(set.mix.zh + set.mix['zh-tw']).toBe(12);
    const gbk = set.feeds.filter((feed) => feed.encoding !== 'utf-8');
    expect(gbk.length).toBeGreaterThan(0);
    for (const feed of gbk) {
      expect(feed.contentType).toContain(`charset=${feed.encoding}`);
      expect(feed.before.bytes.subarray(0, 60).toString('latin1')).toContain(`encoding="${feed.encoding}"`);
      expect(new TextDecoder('gbk').decode(feed.before.bytes)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
