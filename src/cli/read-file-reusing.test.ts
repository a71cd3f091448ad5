import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileReusing } from './read-file-reusing.ts';

describe('readFileReusing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tidings-read-'));
  const write = (name: string, bytes: Buffer): string => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  it('returns each file whole, small, growing past its buffer, empty, and above the reuse limit', () => {
    const files = [
      Buffer.from('<rss/>'),
      Buffer.alloc(3 << 20, 'a'),
      Buffer.alloc(0),
      Buffer.from('<feed>新闻</feed>'),
      Buffer.alloc(17 << 20, 'b'),
      Buffer.from('<rss version="2.0"/>'),
    ].map((bytes, i) => ({ bytes, file: write(`f${i}.xml`, bytes) }));
    for (const { bytes, file } of files) expect(Buffer.from(readFileReusing(file)).equals(bytes)).toBe(true);
  });

  it('throws for a missing file', () => {
    expect(() => readFileReusing(path.join(dir, 'missing.xml'))).toThrow(/ENOENT/);
  });
});
