/**
 * Turning one spreadsheet cell into a contract value — exactly, or not at all.
 *
 * Money: a text cell is read as written ("1234.50", "5000", "1,234.5", "¥1,234.50" — ¥ and
 * thousands commas are dropped, a comma anywhere else is refused; at most two decimals;
 * normalised to two). A numeric cell (WPS/Excel keep
 * a binary double) is accepted only when it lies within 1e-6 yuan of a two-decimal value, and
 * is then taken as exactly that value, via integer fen. Nothing here adds money in floating
 * point.
 * Dates: a date cell (read as a JS Date in UTC, xlsx.ts) or text `2026-10-03`, `2026/10/3`,
 * `2026年10月3日`.
 */
import { bi, type Bilingual } from '../core/errors';
import { isRealDate } from '../core/dates';
import { fenToYuan, isMoneyString } from '../core/money';
import { isCellError, isNoResult, type RawValue } from '../spreadsheet/sheet';

export type CellResult<T> = { ok: true; value: T } | { ok: false; what: Bilingual; fix: Bilingual };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(what: Bilingual, fix: Bilingual): CellResult<T> => ({ ok: false, what, fix });

/** How far (in fen) a numeric cell may be from a whole number of fen: 1e-4 fen = 1e-6 yuan. */
const FEN_TOLERANCE = 1e-4;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A number as WPS/Excel would show it in a General cell (15 significant digits). */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(15)));
}

/** A date cell's Date (UTC midnight for a plain date, xlsx.ts) → `YYYY-MM-DD`. */
export function dateCellToIso(d: Date): string | undefined {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return undefined;
  // Serial-number round-off can leave a date a few microseconds before midnight.
  const t = new Date(Math.round(ms / 1000) * 1000);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

function formulaProblem<T>(v: RawValue): CellResult<T> | undefined {
  if (isCellError(v)) {
    return fail(
      bi(`公式计算出错（${v.error}）`, `the formula gives an error (${v.error})`),
      bi('改正公式，或直接填写数值', 'fix the formula or type the value'),
    );
  }
  if (isNoResult(v)) {
    return fail(
      bi(`公式“=${v.formula}”没有保存计算结果`, `the formula "=${v.formula}" has no saved result`),
      bi('用 WPS 或 Excel 打开表格、保存后再导入（或直接填写数值）', 'open and save the file in WPS/Excel first (or type the value)'),
    );
  }
  return undefined;
}

/** The cell as text, trimmed; empty cells are "". */
export function textFromCell(v: RawValue): CellResult<string> {
  const bad = formulaProblem<string>(v);
  if (bad) return bad;
  if (v === null) return ok('');
  if (typeof v === 'string') return ok(v.trim());
  if (typeof v === 'number') return ok(formatNumber(v));
  if (typeof v === 'boolean') return ok(v ? 'TRUE' : 'FALSE');
  if (v instanceof Date) {
    const iso = dateCellToIso(v);
    if (iso) return ok(iso);
  }
  return fail(bi('无法读取该单元格', 'the cell cannot be read'), bi('改为普通文字', 'type it as plain text'));
}

const MONEY_FIX = bi(
  '写成阿拉伯数字金额，最多两位小数，如 5000.00、318.6 或 1,234.50（单位：元）',
  'write the amount in digits with at most two decimals, e.g. 5000.00, 318.6 or 1,234.50 (yuan)',
);

/**
 * A number as written, its thousands separators checked and dropped: `1,234,567` → `1234567`.
 * A separator anywhere else (`1,00.00`, `12,34`) is a typo whose meaning is unknown — 100.00 or
 * 1,000.00 — so it is refused rather than read (a misread amount is a wrong public ledger).
 * Undefined when the separators are misplaced; the text unchanged when it has none.
 */
export function withoutThousands(s: string): string | undefined {
  const m = /^([+-]?)([\d,，]*)(\.\d*)?$/.exec(s);
  if (!m) return s;
  const [, sign = '', int = '', dec = ''] = m;
  if (!/[,，]/.test(int)) return s;
  return /^\d{1,3}(?:[,，]\d{3})+$/.test(int) ? `${sign}${int.replace(/[,，]/g, '')}${dec}` : undefined;
}

/** The refusal of a number whose commas are misplaced; `what` names it (金额 or nothing). */
function misplacedCommas<T>(written: string, what: Bilingual): CellResult<T> {
  return fail(
    bi(`${what.zh}“${written}”中的逗号位置不对，看不出是多少`, `the commas in ${what.en}"${written}" are misplaced, so its value is unclear`),
    bi(
      '千分位逗号只能每三位一个（1,234,567.00），或者不写逗号（1234567.00）；请对照账簿改正',
      'thousands commas go every three digits (1,234,567.00), or leave them out (1234567.00); check the books',
    ),
  );
}

/** Text money: spaces, ¥ and thousands commas dropped; 0–2 decimals; → "1234.50". */
export function moneyFromText(written: string): CellResult<string> {
  const bare = written.replace(/[\s¥￥]/g, '');
  if (bare === '') {
    return fail(bi('金额为空', 'the amount is empty'), bi('填写金额；没有发生额写 0', 'fill in the amount; write 0 if there is none'));
  }
  const s = withoutThousands(bare);
  if (s === undefined) return misplacedCommas(written, bi('金额', 'the amount '));
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[3] !== undefined && m[3] === '')) {
    return fail(bi(`“${written}”不是数字金额`, `"${written}" is not an amount in digits`), MONEY_FIX);
  }
  const [, sign, int = '', dec = ''] = m;
  if (dec.length > 2) {
    return fail(
      bi(`金额“${written}”超过两位小数（金额只能精确到分）`, `the amount "${written}" has more than two decimals (money is exact to the fen)`),
      bi('按账簿改为两位小数的金额，如 12.35', 'write the amount from the books with two decimals, e.g. 12.35'),
    );
  }
  const digits = int.replace(/^0+(?=\d)/, '');
  if (digits.length > 13) {
    return fail(bi(`金额“${written}”过大`, `the amount "${written}" is too large`), MONEY_FIX);
  }
  const fen = Number(digits) * 100 + Number(dec.padEnd(2, '0'));
  const yuan = fenToYuan(sign === '-' ? -fen : fen);
  return isMoneyString(yuan) ? ok(yuan) : fail(bi(`“${written}”不是有效金额`, `"${written}" is not a valid amount`), MONEY_FIX);
}

/** A numeric cell holding yuan: accepted only within 1e-6 yuan of a whole number of fen. */
export function moneyFromNumber(x: number): CellResult<string> {
  if (!Number.isFinite(x)) return fail(bi('金额不是有效数字', 'the amount is not a finite number'), MONEY_FIX);
  const fen = Math.round(x * 100);
  if (!Number.isSafeInteger(fen) || Math.abs(x * 100 - fen) >= FEN_TOLERANCE) {
    return fail(
      bi(
        `金额 ${formatNumber(x)} 不是精确到分的数（单元格里保存的值有超过两位的小数，可能是公式计算或粘贴带来的）`,
        `the amount ${formatNumber(x)} is not a whole number of fen (the stored value has more than two decimals, often from a formula or a paste)`,
      ),
      bi(
        '把单元格改成按账簿填写的两位小数金额；若是公式，用 ROUND(…, 2) 取整到分',
        'type the amount from the books with two decimals; for a formula, wrap it in ROUND(…, 2)',
      ),
    );
  }
  const yuan = fenToYuan(fen);
  return isMoneyString(yuan) ? ok(yuan) : fail(bi(`金额 ${formatNumber(x)} 过大`, `the amount ${formatNumber(x)} is too large`), MONEY_FIX);
}

export function moneyFromCell(v: RawValue): CellResult<string> {
  const bad = formulaProblem<string>(v);
  if (bad) return bad;
  if (v === null) return moneyFromText('');
  if (typeof v === 'number') return moneyFromNumber(v);
  if (typeof v === 'string') return moneyFromText(v);
  if (v instanceof Date) {
    return fail(
      bi('金额单元格被设成了日期格式', 'the amount cell is formatted as a date'),
      bi('把单元格格式改为“数值”或“文本”，再填写金额', 'set the cell format to Number or Text and type the amount'),
    );
  }
  return fail(bi(`“${String(v)}”不是金额`, `"${String(v)}" is not an amount`), MONEY_FIX);
}

const DATE_FIX = bi(
  '填写真实日期，如 2026-10-03、2026/10/3 或 2026年10月3日（或设为日期格式的单元格）',
  'write a real date, e.g. 2026-10-03, 2026/10/3 or 2026年10月3日 (or use a date-formatted cell)',
);

/** Text dates: `2026-10-03`, `2026/10/3`, `2026.10.3`, `2026年10月3日` → `2026-10-03`. */
export function dateFromText(written: string): CellResult<string> {
  const s = written.trim();
  if (s === '') return fail(bi('日期为空', 'the date is empty'), DATE_FIX);
  const m = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${pad2(Number(m[2] ?? m[4]))}-${pad2(Number(m[3] ?? m[5]))}`;
    if (isRealDate(iso)) return ok(iso);
    return fail(bi(`“${written}”不是真实存在的日期`, `"${written}" is not a real calendar date`), DATE_FIX);
  }
  return fail(bi(`“${written}”不是可识别的日期`, `"${written}" is not a date we can read`), DATE_FIX);
}

export function dateFromCell(v: RawValue): CellResult<string> {
  const bad = formulaProblem<string>(v);
  if (bad) return bad;
  if (v instanceof Date) {
    const iso = dateCellToIso(v);
    return iso ? ok(iso) : fail(bi('日期单元格无效', 'the date cell is invalid'), DATE_FIX);
  }
  if (v === null) return dateFromText('');
  if (typeof v === 'string') return dateFromText(v);
  if (typeof v === 'number') {
    return fail(
      bi(`日期单元格里是数字 ${formatNumber(v)}，不是日期`, `the date cell holds the number ${formatNumber(v)}, not a date`),
      bi('把单元格格式设为“日期”，或直接写成文字 2026-10-03', 'set the cell format to Date, or type the date as text 2026-10-03'),
    );
  }
  return fail(bi(`“${String(v)}”不是日期`, `"${String(v)}" is not a date`), DATE_FIX);
}

const INTEGER_FIX = bi('填写整数，如 3（不要带单位或小数）', 'write a whole number, e.g. 3 (no unit, no decimals)');

export function integerFromCell(v: RawValue): CellResult<number> {
  const bad = formulaProblem<number>(v);
  if (bad) return bad;
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return ok(v);
    return fail(bi(`${formatNumber(v)} 不是整数`, `${formatNumber(v)} is not a whole number`), INTEGER_FIX);
  }
  if (typeof v === 'string') {
    const bare = v.replace(/\s/g, '');
    if (bare === '') return fail(bi('整数为空', 'the number is empty'), INTEGER_FIX);
    const s = withoutThousands(bare);
    if (s === undefined) return misplacedCommas(v, bi('', ''));
    if (/^[+-]?\d{1,15}$/.test(s)) return ok(Number(s));
    return fail(bi(`“${v}”不是整数`, `"${v}" is not a whole number`), INTEGER_FIX);
  }
  if (v === null) return fail(bi('整数为空', 'the number is empty'), INTEGER_FIX);
  return fail(bi(`“${String(v)}”不是整数`, `"${String(v)}" is not a whole number`), INTEGER_FIX);
}
