/** Chinese numerals for article numbers, pinned on the examples and on real statutes. */
import { describe, expect, it } from 'vitest';
import { articleLabel, isArticleNumber, toChineseNumeral } from '../../../src/lib/legal/numerals';
import { hasCorpus, readStatutes } from './corpus';

describe('toChineseNumeral', () => {
  const cases: Array<[number, string]> = [
    [1, '一'],
    [2, '二'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [120, '一百二十'],
    [200, '二百'],
    [205, '二百零五'],
    [288, '二百八十八'],
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1042, '一千零四十二'],
    [1100, '一千一百'],
    [1165, '一千一百六十五'],
    [1254, '一千二百五十四'],
    [1260, '一千二百六十'],
    [2000, '二千'],
    [9009, '九千零九'],
    [9999, '九千九百九十九'],
  ];
  for (const [n, zh] of cases) {
    it(`${n} → ${zh}`, () => expect(toChineseNumeral(n)).toBe(zh));
  }

  it('gives every number from 1 to 9999 its own numeral', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 9999; n++) seen.add(toChineseNumeral(n));
    expect(seen.size).toBe(9999);
  });

  it('refuses numbers that are not article numbers', () => {
    for (const bad of [0, -1, 10000, 1.5, Number.NaN]) {
      expect(isArticleNumber(bad)).toBe(false);
      expect(() => toChineseNumeral(bad)).toThrow(RangeError);
    }
  });

  it('labels an article the way statutes do', () => {
    expect(articleLabel(1165)).toBe('第一千一百六十五条');
    expect(articleLabel(10)).toBe('第十条');
  });
});

describe.skipIf(!hasCorpus)('against the statutes in the corpus', () => {
  it('numbers every article of every statute exactly as printed (第一条 … last)', () => {
    const statutes = readStatutes();
    expect(statutes.length).toBeGreaterThanOrEqual(12);
    for (const s of statutes) {
      expect(s.headings.length, s.file).toBeGreaterThan(10);
      expect(s.headings, s.file).toEqual(s.headings.map((_, i) => articleLabel(i + 1)));
    }
  });
});
