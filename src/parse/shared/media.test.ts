import { describe, expect, it } from 'vitest';
import type { Enclosure } from '../../domain/parsed-feed.ts';
import { guessImageType, makeEnclosure, pushEnclosure } from './media.ts';

describe('guessImageType', () => {
  it('types an image URL by its extension, ignoring query and fragment', () => {
    expect(guessImageType('https://x.example/a/b.JPG?w=1')).toBe('image/jpeg');
    expect(guessImageType('https://x.example/a.webp#x')).toBe('image/webp');
    expect(guessImageType('https://x.example/v.1/thumb')).toBe('image/*');
    expect(guessImageType('https://x.example/thumb?f=a.png')).toBe('image/*');
  });
});

describe('enclosures', () => {
  it('resolves the URL, omits what is absent and skips duplicates', () => {
    const list: Enclosure[] = [];
    pushEnclosure(list, makeEnclosure('a.mp3', 'http://x.example/d/', ' audio/mpeg ', 'unknown'));
    pushEnclosure(list, makeEnclosure('http://x.example/d/a.mp3', undefined, 'audio/mpeg', '12'));
    pushEnclosure(list, makeEnclosure('  ', undefined, undefined, undefined));
    expect(list).toStrictEqual([{ url: 'http://x.example/d/a.mp3', type: 'audio/mpeg' }]);
  });
});
