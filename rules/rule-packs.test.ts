import { describe, expect, it } from 'vitest';
import { loadRulePacks, SHIPPED_RULES_DIR } from '../src/clean/load-rule-packs.ts';
import { runPackTests } from '../src/clean/run-pack-tests.ts';

const { packs, problems } = loadRulePacks([SHIPPED_RULES_DIR]);

describe('shipped rule packs', () => {
  it('all load without problems', () => {
    expect(problems).toEqual([]);
    expect(packs.map((p) => p.name).sort()).toEqual(
      expect.arrayContaining(['feedburner', 'feedx', 'feed43', 'fetchrss', 'rsshub', 'wordpress']),
    );
  });

  describe.each(packs.map((pack) => ({ name: pack.name, pack })))('$name', ({ pack }) => {
    it.each(runPackTests(pack).map((o) => ({ ...o, label: o.test })))('$label', ({ failures, output }) => {
      expect(failures, `output: ${output}`).toEqual([]);
    });
  });
});
