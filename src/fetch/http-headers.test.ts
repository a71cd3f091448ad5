import { describe, expect, it } from 'vitest';
import {
  flattenHeaders,
  parseCacheControlMaxAge,
  parseContentType,
  parseHttpDate,
  parseRetryAfter,
} from './http-headers.ts';

const now = new Date('2024-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds relative to now', () => {
    expect(parseRetryAfter('120', now)).toEqual(new Date('2024-03-01T12:02:00Z'));
    expect(parseRetryAfter(' 0 ', now)).toEqual(now);
  });

  it('reads an HTTP-date in all three RFC 9110 forms', () => {
    const expected = new Date('2024-03-01T13:00:00Z');
    expect(parseRetryAfter('Fri, 01 Mar 2024 13:00:00 GMT', now)).toEqual(expected);
    expect(parseRetryAfter('Friday, 01-Mar-24 13:00:00 GMT', now)).toEqual(expected);
    expect(parseRetryAfter('Fri Mar  1 13:00:00 2024', now)).toEqual(expected);
  });

  it('never points before now', () => {
    expect(parseRetryAfter('Fri, 01 Mar 2024 11:00:00 GMT', now)).toEqual(now);
  });

  it('returns undefined for malformed values', () => {
    for (const value of [undefined, '', '-5', '1.5', 'soon', '99999999999999999999']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});

describe('parseCacheControlMaxAge', () => {
  it('reads max-age among other directives', () => {
    expect(parseCacheControlMaxAge('public, max-age=300')).toBe(300);
    expect(parseCacheControlMaxAge('s-maxage=10, MAX-AGE=20, must-revalidate')).toBe(20);
    expect(parseCacheControlMaxAge('max-age="60"')).toBe(60);
  });

  it('returns undefined when there is no valid max-age', () => {
    for (const value of [undefined, '', 'no-cache', 'max-age=abc', 'max-age=', 'max-age=-1']) {
      expect(parseCacheControlMaxAge(value)).toBeUndefined();
    }
  });
});

describe('parseHttpDate, parseContentType, flattenHeaders', () => {
  it('reads Expires, treating "0" and garbage as absent', () => {
    expect(parseHttpDate('Fri, 01 Mar 2024 13:00:00 GMT')).toEqual(new Date('2024-03-01T13:00:00Z'));
    expect(parseHttpDate('0')).toBeUndefined();
    expect(parseHttpDate('-1')).toBeUndefined();
    expect(parseHttpDate('not a date')).toBeUndefined();
  });

  it('splits a Content-Type into a lowercased media type and charset', () => {
    expect(parseContentType('Application/RSS+XML; Charset="GBK"')).toEqual({
      contentType: 'application/rss+xml',
      charset: 'gbk',
    });
    expect(parseContentType('text/xml')).toEqual({ contentType: 'text/xml' });
    expect(parseContentType(undefined)).toEqual({});
  });

  it('joins repeated headers', () => {
    expect(flattenHeaders({ 'Cache-Control': ['public', 'max-age=5'], etag: '"x"', gone: undefined })).toEqual({
      'cache-control': 'public, max-age=5',
      etag: '"x"',
    });
  });
});
