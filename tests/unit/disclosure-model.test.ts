/** Ledgers, periods and the timeliness matrix, computed once in src/lib. */
import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/lib/disclosures/ledger';
import { cellFits, formatCell } from '../../src/lib/disclosures/cells';
import { financeCsv } from '../../src/lib/disclosures/export';
import { buildDisclosureModel, recentMonths, recentQuarters, timeliness } from '../../src/lib/model/disclosures';
import { deadlineAfter, formatPeriod, nextMonth, parsePeriod, quarterOf } from '../../src/lib/core/periods';
import type { FinanceDisclosure } from '../../src/lib/schemas/disclosure';

const entry = (date: string, account: string, amount: string) => ({ date, account, summary: '摘要', amount, voucher: '记-001' });
const finance = (period: string, opening: string, closing: string, publishedOn: string): FinanceDisclosure => ({
  village: '330000000001',
  period,
  category: '财务',
  title: 't',
  publishedOn,
  reviewedBy: '村务监督委员会',
  openingBalance: opening,
  income: [entry(`${period}-03`, '发包及上交收入', '5000.00'), entry(`${period}-04`, '补助收入', '0.10')],
  expense: [entry(`${period}-09`, '管理费用', '318.60'), entry(`${period}-10`, '管理费用', '0.20')],
  closingBalance: closing,
});

describe('ledger', () => {
  it('reconciles to the fen, with totals per side and per account', () => {
    const l = buildLedger(finance('2026-10', '120000.00', '124681.30', '2026-11-05'));
    expect(l.balanced).toBe(true);
    expect(l.income.totalFen).toBe(500010n);
    expect(l.expense.byAccount).toEqual([{ account: '管理费用', totalFen: 31880n, count: 2 }]);
    const off = buildLedger(finance('2026-10', '120000.00', '124681.31', '2026-11-05'));
    expect(off.balanced).toBe(false);
    expect(off.differenceFen).toBe(1n);
  });
  it('exports the ledger as CSV with balances first and last', () => {
    const csv = financeCsv(finance('2026-10', '120000.00', '124681.30', '2026-11-05'));
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe('收支,日期,会计科目,摘要,金额（元）,凭证号');
    expect(lines[1]).toBe('期初余额,,,,120000.00,');
    expect(lines.at(-1)).toBe('期末余额,,,,124681.30,');
    expect(lines).toHaveLength(7);
  });
});

describe('periods', () => {
  it('knows months, quarters and years', () => {
    expect(parsePeriod('2028-02')).toMatchObject({ kind: 'month', start: '2028-02-01', end: '2028-02-29' });
    expect(parsePeriod('2026-Q3')).toMatchObject({ kind: 'quarter', start: '2026-07-01', end: '2026-09-30' });
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(quarterOf('2026-08')).toBe('2026-Q3');
    expect(formatPeriod('2026-Q4')).toBe('2026年第四季度');
    expect(deadlineAfter(parsePeriod('2026-12')!, 10)).toBe('2027-01-10');
    expect(deadlineAfter(parsePeriod('2026-Q1')!, 15)).toBe('2026-04-15');
  });
  it('lists the last complete months and quarters before today', () => {
    expect(recentMonths('2026-11-20', 3)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(recentMonths('2026-01-05', 2)).toEqual(['2025-11', '2025-12']);
    expect(recentQuarters('2026-11-20')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
  });
});

describe('timeliness', () => {
  it('is on time by the deadline, late after it, missing once it passed, pending before', () => {
    expect(timeliness('2026-10', 10, [{ publishedOn: '2026-11-10', id: 'a' }], '2026-11-20').status).toBe('on-time');
    expect(timeliness('2026-10', 10, [{ publishedOn: '2026-11-11', id: 'a' }], '2026-11-20').status).toBe('late');
    expect(timeliness('2026-10', 10, [], '2026-11-11').status).toBe('missing');
    expect(timeliness('2026-10', 10, [], '2026-11-10').status).toBe('pending');
    // Not yet published (dated in the future) counts as nothing published.
    expect(timeliness('2026-10', 10, [{ publishedOn: '2026-11-25', id: 'a' }], '2026-11-20').status).toBe('missing');
  });

  it('builds the village × month matrix and balance series', () => {
    const village = { code: '330000000001', name: '东溪村', kind: '村' as const, population: 1, households: 1 };
    const inputs = [
      { village: village.code, id: '2026-09-finance', kind: 'finance' as const, data: finance('2026-09', '100000.00', '104681.30', '2026-10-20') },
      { village: village.code, id: '2026-10-finance', kind: 'finance' as const, data: finance('2026-10', '104681.30', '109362.60', '2026-11-05') },
    ];
    const m = buildDisclosureModel([village], inputs, '2026-11-20', { financeDeadlineDay: 10, quarterlyDeadlineDay: 15 });
    const cells = Object.fromEntries(m.villages[0]!.finance.map((c) => [c.period, c.status]));
    expect(cells['2026-10']).toBe('on-time');
    expect(cells['2026-09']).toBe('late');
    expect(cells['2026-08']).toBe('missing');
    expect(m.villages[0]!.quarterly.map((c) => c.status)).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect(m.villages[0]!.balance.map((b) => b.closingFen)).toEqual([10468130n, 10936260n]);
    expect(m.villages[0]!.items[0]!.id).toBe('2026-10-finance');
  });
});

describe('list cells', () => {
  it('checks each cell against its column type', () => {
    expect(cellFits('integer', 3)).toBe(true);
    expect(cellFits('integer', '3')).toBe(false);
    expect(cellFits('integer', 3.5)).toBe(false);
    expect(cellFits('money', '1260.00')).toBe(true);
    expect(cellFits('money', 1260)).toBe(false);
    expect(cellFits('date', '2026-02-30')).toBe(false);
    expect(cellFits('text', '')).toBe(true);
    expect(formatCell('money', '1260.00')).toBe('¥1,260.00');
  });
});
