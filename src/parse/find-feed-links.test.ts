import { describe, expect, it } from 'vitest';
import { findFeedLinks, guessFeedUrls } from './find-feed-links.ts';

describe('findFeedLinks', () => {
  it('lists advertised feeds first, in page order, resolved against <base> and the page', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/style.css">
      <LINK REL="Alternate" TYPE="application/atom+xml" title="Atom &amp; more" href="atom.xml">
      <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">
      <link rel='alternate' type='application/rss+xml; charset=utf-8' href='//cdn.example.com/rss'>
      <link rel="alternate" type="application/feed+json" href="/feed.json#x">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      </head></html>`;
    const links = findFeedLinks(html, 'https://example.com/blog/post.html');
    expect(links.filter((l) => l.source === 'link')).toEqual([
      { url: 'https://example.com/blog/atom.xml', source: 'link', type: 'application/atom+xml', title: 'Atom & more' },
      { url: 'https://cdn.example.com/rss', source: 'link', type: 'application/rss+xml' },
      { url: 'https://example.com/feed.json', source: 'link', type: 'application/feed+json' },
    ]);
    expect(
      findFeedLinks(
        '<base href="https://other.test/x/"><link rel="alternate" type="application/rss+xml" href="f.xml">',
        'https://example.com/',
      )[0].url,
    ).toBe('https://other.test/x/f.xml');
  });

  it('then guesses the usual paths, beside the page first, never repeating a URL or listing the page itself', () => {
    const links = findFeedLinks('<p>no head</p>', 'https://example.com/blog/');
    expect(links.every((l) => l.source === 'guess')).toBe(true);
    expect(links.slice(0, 2).map((l) => l.url)).toEqual([
      'https://example.com/blog/feed',
      'https://example.com/blog/rss.xml',
    ]);
    expect(links.map((l) => l.url)).toContain('https://example.com/feeds/posts/default');
    expect(new Set(links.map((l) => l.url)).size).toBe(links.length);
    expect(guessFeedUrls('https://example.com/feed').map((l) => l.url)).toContain('https://example.com/feed');
    expect(findFeedLinks('', 'https://example.com/feed').map((l) => l.url)).not.toContain('https://example.com/feed');
  });

  it('stays fast on hostile input', () => {
    const hostile = `${'<link rel="alternate '.repeat(50_000)}<link ${'a='.repeat(100_000)}`;
    findFeedLinks(hostile, 'https://example.com/');
  }, 60_000);
});
