/**
 * Money is exact: amounts are written as yuan strings with exactly two decimals ("1234.50",
 * "-20.00") and held as integer fen. Never floating point (CONTENT.md). Fen are BigInt, so a
 * sum stays exact however many entries it adds: a JS number is exact only up to 2^53 fen
 * (≈ 90 万亿元), and a ledger or a county's sum of ledgers must never round.
 */

/** Yuan with exactly two decimals, optional minus, no thousands separators. */
export const MONEY_RE = /^-?(?:0|[1-9]\d{0,12})\.\d{2}$/;

export type Fen = bigint;

export function isMoneyString(value: unknown): value is string {
  return typeof value === 'string' && MONEY_RE.test(value);
}

/** "1234.50" → 123450n. Throws on anything that is not a money string. */
export function parseYuan(value: string): Fen {
  if (!MONEY_RE.test(value)) throw new Error(`not a money string: ${JSON.stringify(value)}`);
  const total = BigInt(value.replace('-', '').replace('.', ''));
  return value.startsWith('-') ? -total : total;
}

/** Fen as BigInt; a number is accepted only when it is a safe integer (what the importer computes per cell). */
function toFen(fen: Fen | number): Fen {
  if (typeof fen === 'bigint') return fen;
  if (!Number.isSafeInteger(fen)) throw new Error(`not an integer amount of fen: ${fen}`);
  return BigInt(fen);
}

/** 123450n → "1234.50" (the contract's form, for CSV/JSON). */
export function fenToYuan(amount: Fen | number): string {
  const fen = toFen(amount);
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** 123450n → "¥1,234.50"; -2000n → "-¥20.00". For display only. */
export function formatYuan(amount: Fen | number): string {
  const fen = toFen(amount);
  const [int, dec] = fenToYuan(fen < 0n ? -fen : fen).split('.') as [string, string];
  return `${fen < 0n ? '-' : ''}¥${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** Exact for any number of amounts (BigInt). */
export function sumFen(values: readonly Fen[]): Fen {
  return values.reduce((a, b) => a + b, 0n);
}
