import { describe, expect, it } from 'vitest';
import { dateFromCell, integerFromCell, moneyFromCell, textFromCell } from '../../../src/lib/import/values';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);

describe('money cells are exact', () => {
  it('numeric cells within 1e-6 yuan of a fen value are taken as that value', () => {
    expect(value(moneyFromCell(1234.5000001))).toBe('1234.50');
    expect(value(moneyFromCell(1234.4999999))).toBe('1234.50');
    expect(value(moneyFromCell(5214.01))).toBe('5214.01');
    expect(value(moneyFromCell(0.1 + 0.2))).toBe('0.30');
    expect(value(moneyFromCell(-20))).toBe('-20.00');
    expect(value(moneyFromCell(5000))).toBe('5000.00');
  });

  it('numeric cells with a fraction of a fen are refused', () => {
    const r = moneyFromCell(1234.505);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.what.zh).toContain('1234.505');
    expect(moneyFromCell(1234.501).ok).toBe(false);
    expect(moneyFromCell(Number.NaN).ok).toBe(false);
    expect(moneyFromCell(1e20).ok).toBe(false);
  });

  it('text cells are read as written, with commas and ¥ dropped and 0–2 decimals', () => {
    expect(value(moneyFromCell('1234.50'))).toBe('1234.50');
    expect(value(moneyFromCell('5000'))).toBe('5000.00');
    expect(value(moneyFromCell('318.6'))).toBe('318.60');
    expect(value(moneyFromCell('1,234.50'))).toBe('1234.50');
    expect(value(moneyFromCell('¥1,234.50'))).toBe('1234.50');
    expect(value(moneyFromCell('￥ 55,400.00'))).toBe('55400.00');
    expect(value(moneyFromCell('-20.00'))).toBe('-20.00');
    expect(value(moneyFromCell(' 0.00 '))).toBe('0.00');
  });

  it('refuses commas that are not thousands separators, naming the cell’s text: 1,00.00 may be 100.00 or 1,000.00', () => {
    expect(value(moneyFromCell('1,234,567.00'))).toBe('1234567.00');
    expect(value(moneyFromCell('-1，234.50'))).toBe('-1234.50');
    for (const bad of ['1,00.00', '12,34', '1234,567.00', ',100.00', '100,.00', '1,,000.00', '1,0000']) {
      const r = moneyFromCell(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.what.zh, bad).toContain(`金额“${bad}”中的逗号位置不对`);
    }
  });

  it('text that is not an exact amount is refused', () => {
    for (const bad of ['12.345', '五千元', '约500', '5000元', '1234.', '.5', '', '1.2.3', '12e3']) {
      expect(moneyFromCell(bad).ok, bad).toBe(false);
    }
    expect(moneyFromCell(null).ok).toBe(false);
    expect(moneyFromCell(new Date(Date.UTC(2026, 9, 3))).ok).toBe(false);
    expect(moneyFromCell({ error: '#DIV/0!' }).ok).toBe(false);
    expect(moneyFromCell({ formula: 'SUM(E2:E9)' }).ok).toBe(false);
  });
});

describe('dates', () => {
  it('date cells (UTC) and the usual written forms become YYYY-MM-DD', () => {
    expect(value(dateFromCell(new Date(Date.UTC(2026, 9, 3))))).toBe('2026-10-03');
    // serial-number round-off just before midnight
    expect(value(dateFromCell(new Date(Date.UTC(2026, 9, 3) - 0.4)))).toBe('2026-10-03');
    for (const s of ['2026-10-03', '2026/10/3', '2026年10月3日', '2026-10-3', '2026.10.03', ' 2026 年 10 月 3 日 ']) {
      expect(value(dateFromCell(s)), s).toBe('2026-10-03');
    }
  });

  it('anything else is refused', () => {
    for (const bad of ['2026-02-30', '10/3/2026', '2026年10月', '十月三日', '20261003', '']) expect(dateFromCell(bad).ok, bad).toBe(false);
    expect(dateFromCell(46298).ok).toBe(false);
    expect(dateFromCell(null).ok).toBe(false);
  });
});

describe('text and integers', () => {
  it('reads text trimmed and numbers as shown', () => {
    expect(value(textFromCell('  记-001 '))).toBe('记-001');
    expect(value(textFromCell(12))).toBe('12');
    expect(value(textFromCell(null))).toBe('');
    expect(value(textFromCell(0.1 + 0.2))).toBe('0.3');
  });

  it('integers from numeric and text cells only when whole', () => {
    expect(value(integerFromCell(3))).toBe(3);
    expect(value(integerFromCell('71'))).toBe(71);
    expect(integerFromCell(3.5).ok).toBe(false);
    expect(integerFromCell('3人').ok).toBe(false);
    expect(integerFromCell(null).ok).toBe(false);
    expect(value(integerFromCell('1,234'))).toBe(1234);
    expect(integerFromCell('1,23').ok).toBe(false);
  });
});
