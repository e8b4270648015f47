/**
 * Validators for the identifier formats named in DOMAIN.md § Personal information.
 * Every function takes a plain string (ASCII digits; separators already removed) and
 * never throws. They are the "is this really one?" half of the scanner: a digit run is
 * only reported when it passes the checksum of its standard, which is what keeps
 * dates, amounts, codes and order numbers out of the findings.
 */

/**
 * Province-level prefixes of the GB/T 2260 administrative division code (the first two
 * digits of a resident ID's area code). 71 台湾, 81 香港, 82 澳门; 83 is used on the
 * residence permits of Taiwan residents.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** Birth dates outside this range are treated as impossible (fixed so results never drift). */
export const EARLIEST_BIRTH_DATE = '1900-01-01';
export const LATEST_BIRTH_DATE = '2030-12-31';

/** GB 11643-1999 MOD 11-2 weights for positions 1–17. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** GB 11643-1999: check character indexed by (Σ aᵢ·Wᵢ) mod 11. */
const ID_CHECK_CHARS = '10X98765432';

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True when `yyyymmdd` (8 ASCII digits) is a real calendar date (any year). */
export function isCalendarDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0);
  return d <= dim;
}

/** True when `yyyymmdd` is a real calendar date in the accepted birth range. */
export function isPlausibleBirthDate(yyyymmdd: string): boolean {
  if (!isCalendarDate(yyyymmdd)) return false;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return iso >= EARLIEST_BIRTH_DATE && iso <= LATEST_BIRTH_DATE;
}

/** True when the first two digits are a province-level division code. */
export function hasProvinceCode(s: string): boolean {
  return PROVINCE_CODES.has(s.slice(0, 2));
}

/** The GB 11643-1999 check character for the first 17 digits of `s`. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  }
  return ID_CHECK_CHARS[sum % 11] ?? '';
}

/**
 * 18-character resident ID (GB 11643-1999): 6-digit area code with a real province
 * prefix, 8-digit birth date (1900-01-01 … 2030-12-31), 3-digit sequence and a MOD 11-2
 * check character (`X` accepted in either case).
 */
export function isValidResidentId18(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  if (!hasProvinceCode(s)) return false;
  if (!isPlausibleBirthDate(s.slice(6, 14))) return false;
  return residentIdCheckChar(s) === s.charAt(17).toUpperCase();
}

/**
 * 15-digit resident ID of the first generation (before GB 11643-1999): 6-digit area code
 * with a real province prefix, YYMMDD birth date in the 1900s, 3-digit sequence. It has
 * no check digit, so the date is the only structural check.
 */
export function isValidResidentId15(s: string): boolean {
  if (!/^\d{15}$/.test(s)) return false;
  if (!hasProvinceCode(s)) return false;
  return isPlausibleBirthDate(`19${s.slice(6, 12)}`);
}

/** Luhn (ISO/IEC 7812-1) check over a string of ASCII digits; false for anything else. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let v = digits.charCodeAt(i) - 48;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    double = !double;
  }
  return sum % 10 === 0;
}

/** GB 32100-2015 character set (no I, O, S, V, Z); a character's value is its index. */
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015 weights for positions 1–17 (3^(i-1) mod 31). */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_CODE_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The GB 32100-2015 check character for the first 17 characters of `s`. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARS.indexOf(first17.charAt(i)) * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARS.charAt((31 - (sum % 31)) % 31);
}

/**
 * Unified social credit code of an organisation (GB 32100-2015): 18 characters from
 * 0-9 and ABCDEFGHJKLMNPQRTUWXY (upper case), the last a MOD 31 check character
 * `(31 − Σ cᵢ·Wᵢ mod 31) mod 31`. These codes are public (they lead every 索引号).
 */
export function isValidCreditCode(s: string): boolean {
  if (!CREDIT_CODE_RE.test(s)) return false;
  return creditCodeCheckChar(s) === s.charAt(17);
}

/**
 * Common two-character (复姓) surnames. A single-character surname is any Han character,
 * because no closed list of single surnames is complete.
 */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '赫连',
  '澹台',
  '公冶',
  '宗政',
  '濮阳',
  '太史',
  '申屠',
  '闻人',
  '万俟',
  '司空',
  '拓跋',
  '第五',
  '东郭',
  '左丘',
  '梁丘',
  '微生',
  '羊舌',
  '单于',
  '仲孙',
  '叔孙',
  '淳于',
  '公羊',
  '鲜于',
  '闾丘',
  '亓官',
  '司寇',
  '子车',
  '颛孙',
]);

const HAN_RE = /^\p{Script=Han}$/u;
/** ASCII `*` and fullwidth `＊` (U+FF0A). */
const STAR_RE = /^[*\uFF0A]$/;

function isHan(ch: string): boolean {
  return HAN_RE.test(ch);
}

/**
 * A masked person name as published in 公示 (DOMAIN.md: `张*华` / `张某`): a surname
 * (one Han character, or a compound surname from {@link COMPOUND_SURNAMES}) followed by
 * a mask — one to three `*`/`＊`, or one or two `某` — and at most one more Han
 * character: `张*华`, `张**`, `李*`, `张某`, `张某某`, `张某华`, `欧阳*锋`, `张＊华`.
 * Surrounding whitespace is ignored.
 */
export function isMaskedName(s: string): boolean {
  const chars = Array.from(s.trim());
  const tryFrom = (surnameLen: number): boolean => {
    const rest = chars.slice(surnameLen);
    const first = rest[0];
    if (first === undefined) return false;
    let maskLen = 0;
    if (STAR_RE.test(first)) {
      while (maskLen < rest.length && STAR_RE.test(rest[maskLen] ?? '')) maskLen++;
      if (maskLen > 3) return false;
    } else if (first === '某') {
      while (maskLen < rest.length && rest[maskLen] === '某') maskLen++;
      if (maskLen > 2) return false;
    } else {
      return false;
    }
    const tail = rest.slice(maskLen);
    if (tail.length > 1) return false;
    return tail.every((c) => isHan(c) && c !== '某');
  };
  const c0 = chars[0];
  if (c0 === undefined || !isHan(c0) || c0 === '某') return false;
  if (tryFrom(1)) return true;
  return chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) && tryFrom(2);
}

/** An unmasked person name: two to four Han characters with no mask character and no `某`. */
export function isUnmaskedName(s: string): boolean {
  const chars = Array.from(s.trim());
  if (chars.length < 2 || chars.length > 4) return false;
  return chars.every((c) => isHan(c) && c !== '某');
}
