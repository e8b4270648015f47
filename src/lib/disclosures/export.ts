/** Downloadable tables of a disclosure: the same figures as the page, in the contract's form. */
import { fenToYuan } from '../core/money';
import type { FinanceDisclosure, ListDisclosure } from '../schemas/disclosure';
import { buildLedger } from './ledger';
import { toCsv, type CsvColumn } from '../core/csv';

/** One row per entry, with the opening and closing balances as the first and last rows. */
export function financeCsv(d: FinanceDisclosure): string {
  const ledger = buildLedger(d);
  const rows: Array<Array<string | number>> = [['期初余额', '', '', '', fenToYuan(ledger.openingFen), '']];
  for (const [label, side] of [
    ['收入', d.income],
    ['支出', d.expense],
  ] as const) {
    for (const e of side) rows.push([label, e.date, e.account, e.summary, e.amount, e.voucher]);
  }
  rows.push(['期末余额', '', '', '', fenToYuan(ledger.closingFen), '']);
  return toCsv(
    ['收支', '日期', '会计科目', '摘要', '金额（元）', '凭证号'].map((label): CsvColumn => ({ label, type: label === '金额（元）' ? 'number' : 'text' })),
    rows,
  );
}

export function listCsv(d: ListDisclosure): string {
  return toCsv(
    // Money and integer columns hold numbers (a negative amount stays a number); the rest is text.
    d.columns.map((c): CsvColumn => ({
      label: c.type === 'money' ? `${c.label}（元）` : c.label,
      type: c.type === 'money' || c.type === 'integer' ? 'number' : 'text',
    })),
    d.rows.map((row) => d.columns.map((c) => (row[c.key] === undefined || row[c.key] === null ? '' : (row[c.key] as string | number)))),
  );
}
