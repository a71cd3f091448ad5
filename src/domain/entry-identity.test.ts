import { describe, expect, it } from 'vitest';
import { entryIdentities, entryIdentity } from './entry-identity.ts';
import type { ParsedItem } from './parsed-feed.ts';
import { sha256Hex } from '../util/sha256.ts';

function item(fields: Partial<ParsedItem>): ParsedItem {
  return { links: [], authors: [], contributors: [], categories: [], enclosures: [], ...fields };
}

describe('entryIdentity', () => {
  it.each([
    ['an id', { id: 'tag:example.com,2024:42', link: 'https://e.com/a' }, 'guid:tag:example.com,2024:42'],
    ['a trimmed id', { id: '  42 \n' }, 'guid:42'],
    ['a link when there is no id', { link: 'https://E.com/a?utm_source=rss#top' }, 'link:https://e.com/a'],
    ['a link when the id is blank', { id: '  ', link: 'https://e.com/a' }, 'link:https://e.com/a'],
    ['an id that is a URL, kept as given', { id: 'https://E.com/a?utm_source=x' }, 'guid:https://E.com/a?utm_source=x'],
  ])('uses %s', (_name, fields, expected) => {
    expect(entryIdentity(item(fields), { guidRepeats: false })).toBe(expected);
  });

  it('adds the normalized link to a repeated id', () => {
    const identity = entryIdentity(item({ id: '1', link: 'https://e.com/b?fbclid=x' }), { guidRepeats: true });
    expect(identity).toBe('guid+link:1|https://e.com/b');
    expect(entryIdentity(item({ id: '1' }), { guidRepeats: true })).toBe('guid+link:1|');
  });

  it('hashes the normalized title and content when there is neither id nor link', () => {
    const identity = entryIdentity(
      item({ title: 'Hello, World', content: '<p>Body <b>text</b></p>', contentType: 'html' }),
      { guidRepeats: false },
    );
    expect(identity).toBe(`hash:${sha256Hex('helloworld\nbodytext')}`);
  });

  it('falls back to the summary, then to the title alone', () => {
    const fromSummary = item({ title: 'T', summary: 'Sum &amp; more', summaryType: 'html', content: '  ' });
    expect(entryIdentity(fromSummary, { guidRepeats: false })).toBe(`hash:${sha256Hex('t\nsummore')}`);
    expect(entryIdentity(item({ title: 'T' }), { guidRepeats: false })).toBe(`hash:${sha256Hex('t\n')}`);
  });

  it('gives the hash form the same value after a typography-only edit, and a new one after a real edit', () => {
    const original = item({ title: '美国称，中国抵制核谈判', content: '<p>他说「不」。</p>', contentType: 'html' });
    const retyped = item({ title: '美国称, 中国抵制核谈判', content: '<p>他说“不”.</p>', contentType: 'html' });
    const edited = item({ title: '美国称，中国抵制核谈判', content: '<p>他说「不的」。</p>', contentType: 'html' });
    const key = (value: ParsedItem) => entryIdentity(value, { guidRepeats: false });
    expect(key(retyped)).toBe(key(original));
    expect(key(edited)).not.toBe(key(original));
  });

  it('reads plain-text content as text', () => {
    const plain = item({ title: 'T', content: 'a<b', contentType: 'text' });
    expect(entryIdentity(plain, { guidRepeats: false })).toBe(`hash:${sha256Hex('t\nab')}`);
  });
});

describe('entryIdentities', () => {
  it('gives each item its identity in order', () => {
    const items = [
      item({ id: 'a', link: 'https://e.com/1' }),
      item({ link: 'https://e.com/2?utm_medium=rss' }),
      item({ title: 'No id, no link' }),
    ];
    expect(entryIdentities(items)).toEqual(['guid:a', 'link:https://e.com/2', `hash:${sha256Hex('noidnolink\n')}`]);
  });

  it('uses guid+link for every item of a repeated id with different links, and guid for the rest', () => {
    const items = [
      item({ id: 'dup', link: 'https://e.com/1' }),
      item({ id: 'dup', link: 'https://e.com/2' }),
      item({ id: 'dup' }),
      item({ id: 'unique', link: 'https://e.com/3' }),
    ];
    expect(entryIdentities(items)).toEqual([
      'guid+link:dup|https://e.com/1',
      'guid+link:dup|https://e.com/2',
      'guid+link:dup|',
      'guid:unique',
    ]);
  });

  it('keeps the guid form when a repeated id carries the same normalized link (a duplicated item)', () => {
    const items = [
      item({ id: 'dup', link: 'https://e.com/1' }),
      item({ id: 'dup', link: 'https://E.com/1?utm_source=x#c' }),
    ];
    expect(entryIdentities(items)).toEqual(['guid:dup', 'guid:dup']);
  });

  it('returns an empty list for an empty document', () => {
    expect(entryIdentities([])).toEqual([]);
  });
});
