import { describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, isMoneyString, parseYuan } from '../../src/lib/money';
import { toCsv } from '../../src/lib/csv';

describe('money', () => {
  it('parses exact yuan strings into integer fen', () => {
    expect(parseYuan('1234.50')).toBe(123450);
    expect(parseYuan('-20.00')).toBe(-2000);
    expect(parseYuan('0.01')).toBe(1);
    // 0.1 + 0.2 style drift cannot happen: sums stay integers.
    expect(parseYuan('0.10') + parseYuan('0.20')).toBe(parseYuan('0.30'));
    expect(parseYuan('9999999999999.99')).toBe(999999999999999);
  });
  it('refuses anything that is not a two-decimal string', () => {
    for (const bad of [1234.5, '1234.5', '1234', '1,234.50', '¥12.00', '01.00', '1.234', '', ' 1.00', '-0.5']) {
      expect(isMoneyString(bad), String(bad)).toBe(false);
    }
    expect(() => parseYuan('12.3')).toThrow();
  });
  it('formats for display and back to the contract form', () => {
    expect(formatYuan(123456789)).toBe('¥1,234,567.89');
    expect(formatYuan(-2000)).toBe('-¥20.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(12345000)).toBe('123450.00');
    expect(() => fenToYuan(1.5)).toThrow();
  });
  it('writes CSV that Excel opens: BOM, quoting, CRLF', () => {
    const csv = toCsv(
      ['摘要', '金额'],
      [
        ['鱼塘, 承包费', '5000.00'],
        ['说"明"', 3],
      ],
    );
    expect(csv.startsWith('\uFEFF摘要,金额\r\n')).toBe(true);
    expect(csv).toContain('"鱼塘, 承包费",5000.00\r\n');
    expect(csv).toContain('"说""明""",3\r\n');
  });
});
