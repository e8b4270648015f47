/**
 * Character classes shared by the scanner and the allow-list: which characters count as
 * digits and which may separate digit groups (`138 1234 5678`, `138-1234-5678`).
 */

/** ASCII and fullwidth digits (U+FF10–U+FF19). */
export const DIGIT_CLASS = '0-9\\uFF10-\\uFF19';

/**
 * Separators allowed between digit groups: space, no-break space, ideographic (fullwidth)
 * space, hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, minus sign and
 * fullwidth hyphen-minus. Em dash (——, used between ranges in Chinese prose) is not one.
 */
export const SEPARATOR_CLASS = ' \\u00A0\\u3000\\-\\u2010\\u2011\\u2012\\u2013\\u2212\\uFF0D';

/** Check character `X` of resident IDs, in either case and width. */
export const X_CLASS = 'Xx\\uFF38\\uFF58';

const SEPARATOR_RE = new RegExp(`[${SEPARATOR_CLASS}]`, 'g');
const DIGITS_X_RE = new RegExp(`^[${DIGIT_CLASS}]+[${X_CLASS}]?$`);

/** Maps one fullwidth digit or X to ASCII (`１` → `1`, `ｘ` → `X`); other characters unchanged. */
export function asciiDigit(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  if (ch === 'x' || ch === '\uFF38' || ch === '\uFF58') return 'X';
  return ch;
}

/** Whitespace separators (as opposed to dashes): these separate words, not code parts. */
export function isSpaceSeparator(ch: string): boolean {
  return ch === ' ' || ch === '\u00A0' || ch === '\u3000';
}

/**
 * The digits of `s` with separators removed, fullwidth digits made ASCII and a final `x`
 * upper-cased; `null` when `s` holds anything else (letters, `+`, brackets …).
 */
export function normalizeDigits(s: string): string | null {
  const compact = s.trim().replace(SEPARATOR_RE, '');
  if (!DIGITS_X_RE.test(compact)) return null;
  let out = '';
  for (const ch of compact) out += asciiDigit(ch);
  return out;
}
