/**
 * The differential test: every fixture of src/parse/testdata (the golden files and the
 * conformance cases) is parsed by Tidings and by Python's feedparser, the reference most feed
 * behaviour comes from, and the two are compared field by field through the mapping in
 * docs/parse-json.md. Every disagreement must be listed, with its reason, in
 * testdata/oracle/known-differences.json: a new one fails the test, and so does a listed one
 * that no longer occurs. Without python3 and feedparser the test is skipped with a message,
 * except under CI=1, where CI installs python3-feedparser and the test must run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeCharsetLabel } from './encoding/charset-labels.ts';
import { parseFeed, type ParseFeedOptions } from './parse-feed.ts';
import { compareWithOracle, type OracleDocument, toOracleShape } from './testdata/oracle/to-oracle-shape.ts';

const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));
const DUMP = path.join(TESTDATA, 'oracle', 'feedparser_dump.py');
const KNOWN = path.join(TESTDATA, 'oracle', 'known-differences.json');
const DOCUMENT = /\.(xml|rss|atom|rdf|cdf)$/;

function findPython(): string | undefined {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import feedparser'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

function listFixtures(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'oracle' && entry.name !== 'malformed') out.push(...listFixtures(full));
    } else if (DOCUMENT.test(entry.name) && !entry.name.startsWith('nf-')) out.push(full);
  }
  return out.sort();
}

function optionsOf(file: string): ParseFeedOptions {
  const sidecar = file.replace(DOCUMENT, '.options.json');
  try {
    return JSON.parse(readFileSync(sidecar, 'utf8')) as ParseFeedOptions;
  } catch {
    return {};
  }
}

function sameEncoding(ours: string, theirs: string | null): boolean {
  if (theirs === null || theirs === '') return false;
  const name = normalizeCharsetLabel(theirs) ?? theirs;
  const fold = (e: string) => (e === 'gb18030' ? 'gbk' : e);
  return fold(name) === fold(ours);
}

const python = findPython();
const ci = process.env.CI === '1' || process.env.CI === 'true';

describe('Tidings against feedparser, field by field', () => {
  if (python === undefined && !ci) {
    it.skip('needs python3 with feedparser (Debian: apt-get install python3-feedparser); skipped', () => {});
    return;
  }

  it('agrees on every mapped field except the listed, explained differences', () => {
    expect(
      python,
      'python3 with feedparser must be installed under CI (.ci/run installs python3-feedparser)',
    ).toBeDefined();
    const files = listFixtures(TESTDATA);
    const requests = files.map((file) => {
      const options = optionsOf(file);
      return { file, contentType: options.contentType, url: options.url, headers: options.headers };
    });
    const run = spawnSync(python as string, [DUMP], {
      input: JSON.stringify(requests),
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(run.status, run.stderr).toBe(0);
    const oracle = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as OracleDocument);
    expect(oracle.length).toBe(files.length);

    const known = JSON.parse(readFileSync(KNOWN, 'utf8')) as Record<string, string>;
    const unexplained: string[] = [];
    const seen = new Set<string>();
    let compared = 0;
    let agreed = 0;
    for (const [i, file] of files.entries()) {
      const name = path.relative(TESTDATA, file);
      const parsed = parseFeed(readFileSync(file), optionsOf(file));
      if (parsed.kind !== 'feed') {
        unexplained.push(`${name}: not a feed (${parsed.error.message})`);
        continue;
      }
      const ours = toOracleShape(parsed.feed);
      const comparisons = compareWithOracle(ours, oracle[i]);
      comparisons.push({
        field: 'encoding',
        ours: parsed.feed.encoding,
        theirs: oracle[i].encoding,
        agree: sameEncoding(parsed.feed.encoding, oracle[i].encoding),
      });
      comparisons.push({
        field: 'format',
        ours: parsed.feed.format,
        theirs: oracle[i].version,
        agree: parsed.feed.format === oracle[i].version,
      });
      for (const c of comparisons) {
        compared++;
        if (c.agree) {
          agreed++;
          continue;
        }
        const key = `${name} ${c.field}`;
        seen.add(key);
        if (known[key] === undefined)
          unexplained.push(`${key}: ours ${JSON.stringify(c.ours)}, feedparser ${JSON.stringify(c.theirs)}`);
      }
    }
    const stale = Object.keys(known).filter((key) => !seen.has(key));
    console.log(
      `feedparser agreement: ${agreed}/${compared} fields (${((100 * agreed) / compared).toFixed(1)} %) over ${files.length} documents`,
    );
    expect(unexplained).toEqual([]);
    expect(stale, 'listed differences that no longer occur').toEqual([]);
  });
});
