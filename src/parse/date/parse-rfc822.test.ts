import { describe, expect, it } from 'vitest';
import { parseLooseDate } from './parse-loose-date.ts';
import { parseRfc822 } from './parse-rfc822.ts';

describe('parseRfc822', () => {
  it('reads the common RSS form exactly as the lenient scan does', () => {
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const zones = ['GMT', '+0000', '+0800', '-0500', '+0530', '-1200'];
    let checked = 0;
    for (let n = 0; n < 2000; n++) {
      const day = 1 + ((n * 7) % 31);
      const dd = n % 3 === 0 ? String(day) : String(day).padStart(2, '0');
      const time = `${String((n * 5) % 24).padStart(2, '0')}:${String((n * 13) % 60).padStart(2, '0')}:${String((n * 17) % 61).padStart(2, '0')}`;
      const text = `${days[n % 7]}, ${dd} ${months[n % 12]} ${1990 + (n % 40)} ${time} ${zones[n % zones.length]}`;
      expect(parseRfc822(text), text).toBe(parseLooseDate(text));
      if (parseRfc822(text) !== undefined) checked++;
    }
    expect(checked).toBeGreaterThan(1500);
    expect(parseRfc822('Tue, 14 May 2024 09:30:00 +0800')).toBe('2024-05-14T01:30:00Z');
    expect(parseRfc822('Sun, 4 Feb 2024 23:30:00 -0100')).toBe('2024-02-05T00:30:00Z');
  });

  it('leaves every other form to the lenient scan', () => {
    for (const text of [
      'Tue, 14 May 2024 09:30 GMT',
      'Tue 14 May 2024 09:30:00 GMT',
      'Tue, 14 May 24 09:30:00 GMT',
      'Tue, 14 MAY 2024 09:30:00 GMT',
      'Tue, 14 May 2024 09:30:00 EST',
      'Tue, 14 May 2024 09:30:00 +08:00',
      'Xyz, 14 May 2024 09:30:00 GMT',
      'Tue, 14 May 2024 9:30:00 GMT',
    ])
      expect(parseRfc822(text), text).toBeUndefined();
  });
});
