/**
 * Chinese numerals for article numbers, the way statutes number them (DOMAIN.md § 普法):
 * 第一千一百六十五条, 第十条, 第一百零一条. Only 1–9999 occur as article numbers.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['', '十', '百', '千'] as const;

/** Largest article number the site accepts (民法典, the longest code, has 1260 articles). */
export const MAX_ARTICLE = 9999;

/** True for a whole number an article can have: 1 … 9999. */
export function isArticleNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_ARTICLE;
}

/**
 * 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 1001 → 一千零一,
 * 1165 → 一千一百六十五. A run of zeros inside the number is read as one 零; trailing zeros are
 * silent; a leading 一十 is said 十 only when 十 is the highest unit (11 十一, but 110 一百一十).
 */
export function toChineseNumeral(n: number): string {
  if (!isArticleNumber(n)) throw new RangeError(`article number must be an integer from 1 to ${MAX_ARTICLE}, got ${String(n)}`);
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 10–19 are 十, 十一 …, not 一十, 一十一.
    out += d === 1 && unit === '十' && i === 0 ? unit : DIGITS[d] + unit;
  });
  return out;
}

/** 第一千一百六十五条 */
export function articleLabel(n: number): string {
  return `第${toChineseNumeral(n)}条`;
}
