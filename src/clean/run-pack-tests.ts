/**
 * Runs a rule pack's own tests (docs/rules.md): each test's HTML goes through the whole
 * pipeline with only that pack loaded, and the output must contain every `contains` string
 * and none of the `notContains` strings. A test must also select the pack through its own
 * match conditions, so the tests check matching too. And at least one test must fail
 * without the pack: tests that pass either way would not show the pack does anything.
 */
import { cleanHtml } from './clean-html.ts';
import type { PackTest, RulePack } from './rule-pack.ts';
import { packMatches } from './select-rule-packs.ts';

/** The outcome of one pack test. */
export interface PackTestOutcome {
  pack: string;
  test: string;
  failures: string[];
  /** The cleaned HTML the test produced. */
  output: string;
}

function check(test: PackTest, output: string): string[] {
  const failures: string[] = [];
  for (const wanted of test.contains) if (!output.includes(wanted)) failures.push(`missing: ${JSON.stringify(wanted)}`);
  for (const unwanted of test.notContains)
    if (output.includes(unwanted)) failures.push(`still there: ${JSON.stringify(unwanted)}`);
  return failures;
}

/** Runs every test of `pack`; the last outcome is the pack-level check that some test depends on the pack. */
export function runPackTests(pack: RulePack): PackTestOutcome[] {
  const outcomes: PackTestOutcome[] = [];
  let dependsOnPack = false;
  for (const test of pack.tests) {
    const input = { feedUrl: test.feedUrl, itemUrl: test.itemUrl, generator: test.generator };
    const output = cleanHtml(test.html, { ...input, packs: [pack] }).html;
    const failures = check(test, output);
    if (!packMatches(pack, { ...input, html: test.html }))
      failures.unshift('the pack does not match this test (feedUrl, itemUrl, generator or html)');
    if (!dependsOnPack && check(test, cleanHtml(test.html, input).html).length > 0) dependsOnPack = true;
    outcomes.push({ pack: pack.name, test: test.name, failures, output });
  }
  if (pack.rules.length > 0) {
    const failures = dependsOnPack ? [] : ['every test passes without the pack too: no test shows what it removes'];
    outcomes.push({ pack: pack.name, test: '(the tests exercise the pack)', failures, output: '' });
  }
  return outcomes;
}
