/**
 * Conformance cases in the style of feedparser's own tests: each file of
 * testdata/conformance/<group>/ is a small feed document whose header comment (or, for
 * documents whose bytes must stay exact, a `name.expect.json` beside it) names one or more
 * fields and the values they must have, e.g. `Expect: {"items[0].title": "Why <div> soup hurts"}`.
 * Paths are the JSON paths of docs/parse-json.md; `name.options.json` gives the parse options
 * (an HTTP Content-Type, a URL). The groups follow the parser's documented behaviours.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';

const ROOT = fileURLToPath(new URL('./testdata/conformance/', import.meta.url));
const EXPECT_LINE = /^Expect: (.*)$/m;
const PATH_PART = /[^.[\]]+/g;

interface Case {
  file: string;
  expect: Record<string, unknown>;
}

function readCase(file: string): Case {
  const sidecar = file.replace(/\.xml$/, '.expect.json');
  if (existsSync(sidecar)) return { file, expect: (JSON.parse(readFileSync(sidecar, 'utf8')) as Case).expect };
  const match = EXPECT_LINE.exec(readFileSync(file, 'utf8'));
  if (match === null) throw new Error(`${file}: no Expect line`);
  return { file, expect: JSON.parse(match[1]) as Record<string, unknown> };
}

/** Returns the value at a path such as `items[0].authors[1].name`, or undefined. */
function valueAt(value: unknown, at: string): unknown {
  let current = value;
  for (const part of at.match(PATH_PART) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const groups = readdirSync(ROOT, { withFileTypes: true }).filter((entry) => entry.isDirectory());

describe('conformance cases', () => {
  it('has cases in every group', () => {
    expect(groups.length).toBeGreaterThanOrEqual(10);
  });

  for (const group of groups) {
    describe(group.name, () => {
      const dir = path.join(ROOT, group.name);
      const files = readdirSync(dir).filter((name) => name.endsWith('.xml'));
      for (const name of files.sort()) {
        it(name, () => {
          const file = path.join(dir, name);
          const testCase = readCase(file);
          const optionsFile = file.replace(/\.xml$/, '.options.json');
          const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
          const parsed = parseFeed(new Uint8Array(readFileSync(file)), options);
          expect(parsed.kind, parsed.kind === 'not-a-feed' ? parsed.error.message : '').toBe('feed');
          if (parsed.kind !== 'feed') return;
          for (const [at, value] of Object.entries(testCase.expect)) {
            expect(valueAt(parsed.feed, at), at).toEqual(value);
          }
        });
      }
    });
  }
});
