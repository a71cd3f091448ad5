/**
 * `tidings rules test [FILE]`: runs rule packs' own tests (docs/rules.md) and prints one line
 * per test. Without FILE: every pack shipped with Tidings and every pack in `<data>/rules/`;
 * with FILE: that pack file alone (for writing a new pack).
 *
 * Options (commander flags → RulesTestOptions):
 *   --data <dir>     data folder whose rules/ holds the user's packs (default ./data)
 *   --verbose        also print the cleaned output of passing tests
 * Exit status: 0 when every pack loads and every test passes, 1 otherwise.
 */
import { listRulePackFiles, loadRulePackFile } from '../clean/load-rule-packs.ts';
import { runPackTests } from '../clean/run-pack-tests.ts';
import { rulePackDirs } from './rule-pack-dirs.ts';

/** Options of `tidings rules test`. */
export interface RulesTestOptions {
  dataDir?: string;
  verbose?: boolean;
}

/** Runs the tests of one pack file or of all packs, prints the results, and returns the exit status. */
export async function runRulesTest(file: string | undefined, options: RulesTestOptions = {}): Promise<number> {
  const files = file !== undefined ? [file] : rulePackDirs(options.dataDir).flatMap(listRulePackFiles);
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const path of files) {
    const loaded = loadRulePackFile(path);
    if (loaded.kind === 'invalid') {
      failed++;
      lines.push(`✗ ${path}: cannot be loaded`, ...loaded.problems.map((p) => `    ${p}`));
      continue;
    }
    for (const outcome of runPackTests(loaded.pack)) {
      const ok = outcome.failures.length === 0;
      if (ok) passed++;
      else failed++;
      lines.push(`${ok ? '✓' : '✗'} ${outcome.pack} › ${outcome.test}`);
      for (const failure of outcome.failures) lines.push(`    ${failure}`);
      if ((!ok || options.verbose) && outcome.output !== '') lines.push(`    output: ${outcome.output}`);
    }
  }
  if (files.length === 0) lines.push('no rule packs found');
  lines.push(`${passed} passed, ${failed} failed (${files.length} pack file${files.length === 1 ? '' : 's'})`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed > 0 || (file !== undefined && files.length === 0) ? 1 : 0;
}
