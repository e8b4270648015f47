import { describe, expect, it } from 'vitest';
import { fenToYuan, formatYuan, isMoneyString, parseYuan, sumFen } from '../../src/lib/core/money';
import { csvCellText, neutraliseText, toCsv } from '../../src/lib/core/csv';
import { buildLedger } from '../../src/lib/disclosures/ledger';
import { financeCsv, listCsv } from '../../src/lib/disclosures/export';
import { datasetCsv } from '../../src/lib/stats/export';
import type { ListDisclosure } from '../../src/lib/schemas/disclosure';
import type { Dataset } from '../../src/lib/schemas/dataset';

describe('money', () => {
  it('parses exact yuan strings into integer fen', () => {
    expect(parseYuan('1234.50')).toBe(123450n);
    expect(parseYuan('-20.00')).toBe(-2000n);
    expect(parseYuan('0.01')).toBe(1n);
    // 0.1 + 0.2 style drift cannot happen: sums stay integers.
    expect(parseYuan('0.10') + parseYuan('0.20')).toBe(parseYuan('0.30'));
    expect(parseYuan('9999999999999.99')).toBe(999999999999999n);
  });
  it('refuses anything that is not a two-decimal string', () => {
    for (const bad of [1234.5, '1234.5', '1234', '1,234.50', '¥12.00', '01.00', '1.234', '', ' 1.00', '-0.5']) {
      expect(isMoneyString(bad), String(bad)).toBe(false);
    }
    expect(() => parseYuan('12.3')).toThrow();
  });
  it('formats for display and back to the contract form', () => {
    expect(formatYuan(123456789n)).toBe('¥1,234,567.89');
    expect(formatYuan(-2000n)).toBe('-¥20.00');
    expect(formatYuan(5n)).toBe('¥0.05');
    expect(fenToYuan(-5n)).toBe('-0.05');
    expect(fenToYuan(12345000)).toBe('123450.00');
    expect(() => fenToYuan(1.5)).toThrow();
    expect(() => fenToYuan(2 ** 53)).toThrow();
  });
  it('sums exactly past Number.MAX_SAFE_INTEGER fen', () => {
    // Twenty of the largest amounts the contract allows: 2·10^16 − 20 fen, beyond 2^53 ≈ 9.007·10^15.
    const amounts = Array.from({ length: 20 }, () => parseYuan('9999999999999.99'));
    const total = sumFen([...amounts, parseYuan('0.01')]);
    expect(total > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(total).toBe(19999999999999981n);
    expect(fenToYuan(total)).toBe('199999999999999.81');
    expect(formatYuan(total)).toBe('¥199,999,999,999,999.81');
    // The same sum in floating point is not exact: converted back it differs from the BigInt sum.
    expect(BigInt(amounts.reduce((a, b) => a + Number(b), 0) + 1)).not.toBe(total);
  });
  it('reconciles a ledger whose totals exceed 2^53 fen to the fen', () => {
    const entry = (amount: string) => ({ date: '2026-10-03', account: '发包及上交收入', summary: '承包费', amount, voucher: '记-001' });
    const income = [...Array.from({ length: 10 }, () => entry('9999999999999.99')), entry('0.03')];
    const expense = [entry('0.01')];
    // 120000.00 + 10 × 9999999999999.99 + 0.03 − 0.01 = 100000000119999.92 yuan, past 2^53 fen.
    const ok = buildLedger({ openingBalance: '120000.00', income, expense, closingBalance: '9999999999999.99' });
    expect(ok.income.totalFen).toBe(9999999999999993n);
    expect(ok.income.byAccount[0]!.totalFen).toBe(9999999999999993n);
    expect(ok.computedClosingFen).toBe(10000000011999992n);
    expect(fenToYuan(ok.computedClosingFen)).toBe('100000000119999.92');
    expect(ok.differenceFen).toBe(999999999999999n - 10000000011999992n);
    // A floating-point sum of the same entries cannot tell one fen apart at this size.
    const float = income.reduce((a, x) => a + Number(parseYuan(x.amount)), 12000000) - 1;
    expect(float + 1).toBe(float);
    // BigInt can: one fen more income is one fen more closing balance.
    const more = buildLedger({ openingBalance: '120000.00', income: [...income, entry('0.01')], expense, closingBalance: '0.00' });
    expect(more.computedClosingFen - ok.computedClosingFen).toBe(1n);
  });
});

describe('CSV downloads', () => {
  it('writes CSV that Excel opens: BOM, quoting, CRLF', () => {
    const csv = toCsv(
      [
        { label: '摘要', type: 'text' },
        { label: '金额', type: 'number' },
      ],
      [
        ['鱼塘, 承包费', '5000.00'],
        ['说"明"', 3],
      ],
    );
    expect(csv.startsWith('\uFEFF摘要,金额\r\n')).toBe(true);
    expect(csv).toContain('"鱼塘, 承包费",5000.00\r\n');
    expect(csv).toContain('"说""明""",3\r\n');
  });
  it('neutralises text that would start a formula, with a single quote (OWASP)', () => {
    for (const [input, out] of [
      ['=HYPERLINK("http://evil.example/","点击")', `'=HYPERLINK("http://evil.example/","点击")`],
      ['+86 571 1234', "'+86 571 1234"],
      ['-2+3+cmd|/C calc!A0', "'-2+3+cmd|/C calc!A0"],
      ['@SUM(1+1)', "'@SUM(1+1)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', "'\r=1+1"],
      ['鱼塘承包费', '鱼塘承包费'],
      ['记-001', '记-001'],
      ["'已经是文本", "'已经是文本"],
      ['', ''],
    ] as const) {
      expect(neutraliseText(input), JSON.stringify(input)).toBe(out);
    }
  });
  it('decides by the column type: numbers stay numbers, text that looks like a number is still text', () => {
    expect(csvCellText('-1200.50', 'number')).toBe('-1200.50');
    expect(csvCellText(-1200.5, 'number')).toBe('-1200.5');
    expect(csvCellText(-3, 'number')).toBe('-3');
    expect(csvCellText('-1200.50', 'text')).toBe("'-1200.50");
    // Not a plain number in a number column: text, neutralised like any text.
    expect(csvCellText('=1+1', 'number')).toBe("'=1+1");
    expect(csvCellText('-1e3', 'number')).toBe("'-1e3");
    expect(csvCellText('<5', 'number')).toBe('<5');
    expect(() => csvCellText(Number.NaN, 'number')).toThrow();
  });
  it('keeps a quoted formula neutralised through RFC 4180 quoting, headers included', () => {
    const csv = toCsv([{ label: '=cmd', type: 'text' }], [['=SUM(A1,"x")']]);
    expect(csv).toBe(`\uFEFF'=cmd\r\n"'=SUM(A1,""x"")"\r\n`);
  });
  it('is used by every download: ledger, list table and dataset', () => {
    const e = (summary: string, amount: string) => ({ date: '2026-10-03', account: '=管理费用', summary, amount, voucher: '@记-002' });
    const ledger = financeCsv({
      village: '330000000001',
      period: '2026-10',
      category: '财务',
      title: 't',
      publishedOn: '2026-11-05',
      reviewedBy: '村务监督委员会',
      openingBalance: '-100.00',
      income: [e('+退款', '-1200.50')],
      expense: [],
      closingBalance: '-1300.50',
    });
    expect(ledger).toContain("收入,2026-10-03,'=管理费用,'+退款,-1200.50,'@记-002\r\n");
    expect(ledger).toContain('期初余额,,,,-100.00,\r\n');
    expect(ledger).toContain('期末余额,,,,-1300.50,\r\n');
    const list: ListDisclosure = {
      village: '330000000001',
      period: '2026-Q3',
      category: '村务',
      title: 't',
      publishedOn: '2026-10-08',
      reviewedBy: '村务监督委员会',
      columns: [
        { key: 'item', label: '-项目', type: 'text' },
        { key: 'n', label: '数量', type: 'integer' },
        { key: 'amount', label: '金额', type: 'money' },
      ],
      rows: [{ item: '=1+1', n: -2, amount: '-20.00' }],
    } as ListDisclosure;
    expect(listCsv(list)).toBe("\uFEFF'-项目,数量,金额（元）\r\n'=1+1,-2,-20.00\r\n");
    const dataset = {
      id: 'x',
      dimensions: [{ key: 'type', label: '类型', type: 'category' }],
      measures: [{ key: 'count', label: '件数', type: 'count' }],
      suppression: { threshold: 5 },
      rows: [
        { type: '=邻里纠纷', count: 7 },
        { type: '-婚姻', count: null, suppressed: true },
      ],
    } as unknown as Dataset;
    expect(datasetCsv(dataset)).toBe("\uFEFFtype,count\r\n'=邻里纠纷,7\r\n'-婚姻,<5\r\n");
  });
});
