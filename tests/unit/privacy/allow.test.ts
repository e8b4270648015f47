import { describe, expect, it } from 'vitest';
import { allowSet, parseAllowList, scanText } from '../../../src/lib/privacy';

const good = {
  value: '138-0000-1234',
  reason: '村委会值班手机，已在公开栏公布',
  approvedBy: '示范镇党政办',
  approvedOn: '2026-11-01',
};

describe('parseAllowList', () => {
  it('accepts a valid file', () => {
    const r = parseAllowList([good, { ...good, value: '0571-88886666' }]);
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([good, { ...good, value: '0571-88886666' }]);
  });

  it('refuses ID and bank-card numbers, however written, without printing them (issue 17)', () => {
    for (const [value, kind] of [
      ['330182198503124519', '身份证号'],
      ['330182 1985\u200B0312 4519', '身份证号'],
      ['6228 4801 2345 6789 015', '银行卡号'],
    ] as const) {
      const r = parseAllowList([{ ...good, value }]);
      expect(r.entries).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toContain(`privacy-allow.json[0].value：这是${kind}`);
      expect(r.errors[0]).toContain('can never be allowed');
      expect(r.errors[0]).not.toMatch(/1985|4801|2345/);
    }
    // A mobile (a village office's duty phone) may still be approved.
    expect(parseAllowList([good]).errors).toEqual([]);
  });

  it('accepts an empty list', () => {
    expect(parseAllowList([])).toEqual({ entries: [], errors: [] });
  });

  it('ignores extra fields but keeps only the four known ones', () => {
    const r = parseAllowList([{ ...good, note: 'x' }]);
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([good]);
  });

  it.each([null, {}, 'x', 42, undefined])('rejects a non-array document %j', (doc) => {
    const r = parseAllowList(doc);
    expect(r.entries).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/数组/);
  });

  it.each(['value', 'reason', 'approvedBy', 'approvedOn'] as const)('requires %s', (field) => {
    const missing: Record<string, unknown> = { ...good };
    delete missing[field];
    const blank = { ...good, [field]: '  ' };
    const wrongType = { ...good, [field]: 5 };
    for (const entry of [missing, blank, wrongType]) {
      const r = parseAllowList([entry]);
      expect(r.entries).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toContain(`privacy-allow.json[0].${field}`);
    }
  });

  it('reports every missing field of an entry, and keeps the valid entries', () => {
    const r = parseAllowList([{ value: '13800001234' }, good]);
    expect(r.errors).toHaveLength(3);
    expect(r.entries).toEqual([good]);
  });

  it('rejects non-object entries', () => {
    const r = parseAllowList(['13800001234', null, [good]]);
    expect(r.errors).toHaveLength(3);
    expect(r.errors[1]).toContain('privacy-allow.json[1]');
  });

  it.each(['2026-02-30', '2026/11/01', '20261101', '2026-11-1'])('rejects approvedOn %s', (approvedOn) => {
    const r = parseAllowList([{ ...good, approvedOn }]);
    expect(r.entries).toEqual([]);
    expect(r.errors[0]).toContain('approvedOn');
  });

  it('reports a duplicate value', () => {
    const r = parseAllowList([good, { ...good, reason: '重复' }]);
    expect(r.entries).toEqual([good]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('privacy-allow.json[1].value');
  });
});

describe('allowSet + scanText', () => {
  const { entries } = parseAllowList([good]);
  const allow = allowSet(entries);

  it('holds the exact value and its normalised digits', () => {
    expect([...allow].sort()).toEqual(['138-0000-1234', '13800001234']);
  });

  it('lets the allowed number through in any spelling, and nothing else', () => {
    const text = '值班电话 138-0000-1234、13800001234、138 0000 1234；另一个 13900001234';
    expect(scanText(text, { allow }).map((f) => f.masked)).toEqual(['139******34']);
    expect(scanText(text)).toHaveLength(4);
  });

  it('does not add a digit form for values that are not numbers', () => {
    expect([...allowSet(parseAllowList([{ ...good, value: '张*华' }]).entries)]).toEqual(['张*华']);
  });
});
