import { describe, expect, it } from 'vitest';
import type { WorkMeter } from '../../util/work-meter.ts';
import { diffSequences, diffText, diffToHtml, tokenizeForDiff, type TextDiff } from './index.ts';

/** Applies a diff: the kept and inserted text must give `after`, the kept and deleted text `before`. */
function sides(diff: TextDiff): { before: string; after: string } {
  return {
    before: diff.parts
      .filter((p) => p.kind !== 'insert')
      .map((p) => p.text)
      .join(''),
    after: diff.parts
      .filter((p) => p.kind !== 'delete')
      .map((p) => p.text)
      .join(''),
  };
}

describe('tokenizeForDiff', () => {
  it('keeps Latin words whole and splits Chinese into characters, losing nothing', () => {
    expect(tokenizeForDiff("It's 2 o'clock, 今天好")).toEqual([
      "It's",
      ' ',
      '2',
      ' ',
      "o'clock",
      ',',
      ' ',
      '今',
      '天',
      '好',
    ]);
    const text = 'Ünïcode café — 東京タワー 서울 😀\n\nend';
    expect(tokenizeForDiff(text).join('')).toBe(text);
    expect(tokenizeForDiff('서울 시청')).toEqual(['서울', ' ', '시청']);
  });
});

describe('diffSequences', () => {
  it('finds a shortest edit script', () => {
    const ops = diffSequences([1, 2, 3, 4, 5], [1, 3, 4, 6, 5]) ?? [];
    expect(ops.filter((op) => op.kind !== 'equal')).toEqual([
      { kind: 'delete', aIndex: 1 },
      { kind: 'insert', bIndex: 3 },
    ]);
    expect(diffSequences([], [7, 8])).toEqual([
      { kind: 'insert', bIndex: 0 },
      { kind: 'insert', bIndex: 1 },
    ]);
    expect(diffSequences([7], [])).toEqual([{ kind: 'delete', aIndex: 0 }]);
  });

  it('gives up instead of running past its budget', () => {
    const a = Array.from({ length: 3000 }, (_, i) => i);
    const b = Array.from({ length: 3000 }, (_, i) => i + 5000);
    const meter: WorkMeter = { steps: 0 };
    expect(diffSequences(a, b, { maxWork: 10_000 }, meter)).toBeUndefined();
    expect(meter.steps).toBeGreaterThan(10_000);
    expect(meter.steps).toBeLessThanOrEqual(10_001);
  });

  it('counts its work: O((N+M)·D), so one edit in a long sequence costs about its length', () => {
    const a = Array.from({ length: 4000 }, (_, i) => i);
    const steps = (length: number): number => {
      const meter: WorkMeter = { steps: 0 };
      const b = a.slice(0, length);
      b.splice(length / 2, 1, -1);
      diffSequences(a.slice(0, length), b, {}, meter);
      return meter.steps;
    };
    expect(steps(1000)).toBeGreaterThanOrEqual(1000);
    expect(steps(4000)).toBeLessThanOrEqual(4 * steps(1000) + 16);
  });
});

describe('diffText', () => {
  it('marks a changed English word as one deletion and one insertion', () => {
    const diff = diffText('The quick brown fox jumps.', 'The slow brown fox jumps high.');
    expect(diffToHtml(diff).value).toBe('The <del>quick</del><ins>slow</ins> brown fox jumps<ins> high</ins>.');
    expect(diff.exact).toBe(true);
  });

  it('marks single changed Chinese characters, not whole sentences', () => {
    const diff = diffText('今天天气很好，我们去公园散步。', '今天天气不好，我们去图书馆看书。');
    const marked = diffToHtml(diff).value;
    expect(marked).toContain('今天天气<del>很</del><ins>不</ins>好，我们去');
    expect(marked).toMatch(/<del>公园散步<\/del><ins>图书馆看书<\/ins>。$/);
    expect(sides(diff)).toEqual({
      before: '今天天气很好，我们去公园散步。',
      after: '今天天气不好，我们去图书馆看书。',
    });
  });

  it('folds a shared space or character between changes into the change', () => {
    expect(diffToHtml(diffText('the cat sat', 'a dog sat')).value).toBe('<del>the cat</del><ins>a dog</ins> sat');
  });

  it('escapes the text it marks', () => {
    expect(diffToHtml(diffText('a <b>', 'a <i>')).value).toBe('a &lt;<del>b</del><ins>i</ins>&gt;');
  });

  it('shows identical texts with no marks, and empty sides as one insertion or deletion', () => {
    expect(diffText('same 同じ', 'same 同じ').parts).toEqual([{ kind: 'equal', text: 'same 同じ' }]);
    expect(diffText('', 'new').parts).toEqual([{ kind: 'insert', text: 'new' }]);
    expect(diffText('old', '').parts).toEqual([{ kind: 'delete', text: 'old' }]);
  });

  it('diffs huge, very different texts by lines, and its work grows no faster than the texts', () => {
    const para = (seed: number) =>
      Array.from({ length: 40 }, (_, i) => `w${(i * 7919 + seed * 104729) % 100003}`).join(' ');
    const steps = (paragraphs: number): number => {
      const before = Array.from({ length: paragraphs }, (_, i) => para(i)).join('\n');
      const after = Array.from({ length: paragraphs }, (_, i) => (i % 3 === 0 ? para(i + 1_000_000) : para(i))).join(
        '\n',
      );
      const meter: WorkMeter = { steps: 0 };
      const diff = diffText(before, after, meter);
      expect(diff.exact).toBe(true);
      expect(sides(diff)).toEqual({ before, after });
      expect(diff.parts.some((p) => p.kind === 'equal' && p.text.includes(para(1)))).toBe(true);
      return meter.steps;
    };
    const small = steps(250);
    const large = steps(1000);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(4 * small);
  });

  it('falls back to replacing everything when even the lines differ beyond the budget, at a work independent of size', () => {
    const steps = (lines: number): number => {
      const before = Array.from({ length: lines }, (_, i) => `line a${i}`).join('\n');
      const after = Array.from({ length: lines }, (_, i) => `line b${i}`).join('\n');
      const meter: WorkMeter = { steps: 0 };
      const diff = diffText(before, after, meter);
      expect(diff.exact).toBe(false);
      expect(sides(diff)).toEqual({ before, after });
      return meter.steps;
    };
    const small = steps(5000);
    expect(small).toBeGreaterThan(0);
    expect(steps(20_000)).toBe(small);
  });
});
