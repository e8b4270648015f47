/**
 * Money is exact: amounts are written as yuan strings with exactly two decimals ("1234.50",
 * "-20.00") and held as integer fen. Never floating point (CONTENT.md).
 */

/** Yuan with exactly two decimals, optional minus, no thousands separators. */
export const MONEY_RE = /^-?(?:0|[1-9]\d{0,12})\.\d{2}$/;

export type Fen = number;

export function isMoneyString(value: unknown): value is string {
  return typeof value === 'string' && MONEY_RE.test(value);
}

/** "1234.50" → 123450. Throws on anything that is not a money string. */
export function parseYuan(value: string): Fen {
  if (!MONEY_RE.test(value)) throw new Error(`not a money string: ${JSON.stringify(value)}`);
  const negative = value.startsWith('-');
  const [yuan, fen] = value.replace('-', '').split('.') as [string, string];
  const total = Number(yuan) * 100 + Number(fen);
  return negative ? -total : total;
}

/** 123450 → "1234.50" (the contract's form, for CSV/JSON). */
export function fenToYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`not an integer amount of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123450 → "¥1,234.50"; -2000 → "-¥20.00". For display only. */
export function formatYuan(fen: Fen): string {
  const [int, dec] = fenToYuan(Math.abs(fen)).split('.') as [string, string];
  return `${fen < 0 ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

export function sumFen(values: readonly Fen[]): Fen {
  return values.reduce((a, b) => a + b, 0);
}
