import { describe, expect, it } from 'vitest';
import { daysBetween, formatChineseDate, isRealDate, resolveToday, shanghaiDate } from '../../src/lib/core/dates';

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-1-01')).toBe(false);
    expect(isRealDate('2026/01/01')).toBe(false);
  });
  it('takes today from SITE_TODAY, else Shanghai time', () => {
    expect(resolveToday('2026-11-20')).toBe('2026-11-20');
    // 16:30 UTC on the 24th is already the 25th in Shanghai.
    expect(resolveToday(undefined, new Date('2026-11-24T16:30:00Z'))).toBe('2026-11-25');
    expect(shanghaiDate(new Date('2026-11-24T15:59:00Z'))).toBe('2026-11-24');
    expect(() => resolveToday('20261120')).toThrow(/SITE_TODAY/);
  });
  it('formats and counts days', () => {
    expect(formatChineseDate('2026-06-05')).toBe('2026年6月5日');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
  });
});
