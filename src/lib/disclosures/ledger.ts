/**
 * A finance disclosure as a ledger in integer fen: totals per side and per account (科目),
 * and whether it reconciles: opening + Σincome − Σexpense = closing, to the fen.
 */
import { parseYuan, sumFen, type Fen } from '../core/money';
import type { FinanceDisclosure, LedgerEntry } from '../schemas/disclosure';

export interface LedgerLine extends LedgerEntry {
  amountFen: Fen;
}

export interface AccountTotal {
  account: string;
  totalFen: Fen;
  count: number;
}

export interface LedgerSide {
  lines: LedgerLine[];
  totalFen: Fen;
  /** Subtotals by account, in order of first appearance. */
  byAccount: AccountTotal[];
}

export interface Ledger {
  openingFen: Fen;
  closingFen: Fen;
  income: LedgerSide;
  expense: LedgerSide;
  /** What the closing balance should be from the entries. */
  computedClosingFen: Fen;
  /** closing − computed; 0 when the ledger balances (账目平衡). */
  differenceFen: Fen;
  balanced: boolean;
}

function side(entries: readonly LedgerEntry[]): LedgerSide {
  const lines = entries.map((e) => ({ ...e, amountFen: parseYuan(e.amount) }));
  const byAccount = new Map<string, AccountTotal>();
  for (const l of lines) {
    const t = byAccount.get(l.account) ?? { account: l.account, totalFen: 0n, count: 0 };
    t.totalFen += l.amountFen;
    t.count += 1;
    byAccount.set(l.account, t);
  }
  return { lines, totalFen: sumFen(lines.map((l) => l.amountFen)), byAccount: [...byAccount.values()] };
}

export function buildLedger(d: Pick<FinanceDisclosure, 'openingBalance' | 'closingBalance' | 'income' | 'expense'>): Ledger {
  const income = side(d.income);
  const expense = side(d.expense);
  const openingFen = parseYuan(d.openingBalance);
  const closingFen = parseYuan(d.closingBalance);
  const computedClosingFen = openingFen + income.totalFen - expense.totalFen;
  return {
    openingFen,
    closingFen,
    income,
    expense,
    computedClosingFen,
    differenceFen: closingFen - computedClosingFen,
    balanced: closingFen === computedClosingFen,
  };
}
