import { describe, expect, it } from 'vitest';
import { formatTable, median } from './format-table.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('formatTable', () => {
  it('aligns the first column left and the others right', () => {
    expect(
      formatTable(
        ['tool', 'MB/s'],
        [
          ['a', '1.5'],
          ['longer', '12.0'],
        ],
      ).split('\n'),
    ).toEqual(['tool    MB/s', '------  ----', 'a        1.5', 'longer  12.0']);
  });
});
