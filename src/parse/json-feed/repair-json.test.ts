import { describe, expect, it } from 'vitest';
import { repairJson } from './repair-json.ts';

describe('repairJson', () => {
  it('escapes raw control characters inside strings only', () => {
    expect(JSON.parse(repairJson('{\n"a": "x\ny\tz"\n}'))).toEqual({ a: 'x\ny\tz' });
  });

  it('drops trailing commas and junk after the document', () => {
    expect(JSON.parse(repairJson('{"a": [1, 2,], "b": {"c": 1,},}\n<!-- cache -->'))).toEqual({
      a: [1, 2],
      b: { c: 1 },
    });
  });

  it('leaves commas and brackets inside strings alone', () => {
    expect(JSON.parse(repairJson('{"a": "x,}", "b": "\\",]"}'))).toEqual({ a: 'x,}', b: '",]' });
  });
});
