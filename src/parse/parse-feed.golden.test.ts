/**
 * Golden tests: every document in testdata/ (other than *.expected.json and *.options.json)
 * is parsed with the options in `<name>.options.json` and compared with `<name>.expected.json`,
 * which holds either the ParsedFeed or `{ "error": { code, message } }` for a non-feed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';

const dir = join(import.meta.dirname, 'testdata');
const SIDE_FILES = /\.(expected|options)\.json$/;
const documents = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isFile() && !SIDE_FILES.test(entry.name))
  .map((entry) => entry.name)
  .sort();

function sidePath(name: string, kind: 'expected' | 'options'): string {
  return join(dir, `${name.replace(/\.[^.]+$/, '')}.${kind}.json`);
}

describe('parseFeed golden files', () => {
  it('has a golden file for every document', () => {
    expect(documents.length).toBeGreaterThanOrEqual(30);
    for (const name of documents) expect(existsSync(sidePath(name, 'expected')), name).toBe(true);
  });

  for (const name of documents) {
    it(name, () => {
      const optionsPath = sidePath(name, 'options');
      const options = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, 'utf8')) : {};
      const expected = JSON.parse(readFileSync(sidePath(name, 'expected'), 'utf8'));
      const result = parseFeed(new Uint8Array(readFileSync(join(dir, name))), options);
      if (result.kind === 'feed') {
        expect(result.feed).toEqual(expected);
        // Absent values are omitted, never present as undefined.
        expect(JSON.parse(JSON.stringify(result.feed))).toStrictEqual(result.feed);
      } else {
        expect({ error: { code: result.error.code, message: result.error.message } }).toEqual(expected);
      }
    });
  }
});
