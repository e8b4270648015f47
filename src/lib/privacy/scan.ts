/**
 * Personal-data scanner: finds resident ID, mobile and bank-card numbers in text
 * (DOMAIN.md § Personal information; 个人信息保护法 art. 28: ID and financial account
 * numbers are sensitive personal information — never published).
 *
 * A number is what a reader would read as one, however it is written:
 * 1. The text is normalised first (./normalize): entities decoded, invisible characters
 *    removed, compatibility forms, digits of any script and Chinese numerals made ASCII,
 *    markup replaced by a marker. Positions still point at the original text.
 * 2. A *run* is a sequence of digit groups joined by in-number gaps: at most
 *    {@link MAX_GAP} characters of spaces, dashes, dots, slashes, underscores, brackets,
 *    quotes, `+ * ~ \``, markup, and at most one line break. List punctuation (、，；,;:|)
 *    and words end a run. A gap of white space only (or a block tag) is *soft*: it may
 *    separate two numbers written side by side; any other gap is *hard*.
 * 3. The run is cut, at gaps, into segments that are each either a finding or *filler*: a
 *    whole piece between soft gaps that is left alone (a date, a landline, a count).
 *    Inside a piece joined by hard gaps, either every segment is a finding or none is —
 *    so no window of a longer code (`2026-330185-07-02-118943`) is ever reported because
 *    its digits happen to pass a checksum. Of all cuts the one reporting the most digits
 *    wins; the run costs O(length × 19), so the scan is linear in the text.
 * 4. A finding is a whole segment whose digits have the length and check of its kind
 *    (GB 11643 ID with a real birth date, 1[3-9] mobile with an optional 86/0086, a
 *    Luhn-valid card with an issuer prefix), written with one kind of gap throughout.
 * 5. Context decides three things. A run glued to letters is part of a code (`ABC330…`)
 *    unless the letters are a known label (`TEL138…`, `wx138…`). An 18-digit value that is a
 *    valid GB 32100 organisation code is public where it is labelled as one (统一社会信用代码,
 *    索引号 …). A card-shaped number labelled as an organisation's account (对公账户, 单位账号,
 *    基本户 …) is not a person's card. An ID-valid 18-digit number is always reported,
 *    whatever the label (登记号, 档案号 …): docs/发布指南.md explains why and what to do.
 */

import { hasProvinceCode, isCalendarDate, isValidCreditCode, isValidResidentId15, isValidResidentId18, luhnValid } from './identifiers';
import { BREAK_MARK, JOIN_MARK, normalizeForScan, type Normalized } from './normalize';

export type FindingKind = 'resident-id' | 'mobile' | 'bank-card';

export interface Finding {
  kind: FindingKind;
  /** UTF-16 offset in the original text of the first character of the number (a `+86` prefix is not included). */
  index: number;
  /** UTF-16 length of the number as written in the original, separators and markup included. */
  length: number;
  /** 1-based line (lines end at `\n`; `\r\n` works too). */
  line: number;
  /** 1-based column, counted in Unicode code points of the line. */
  column: number;
  /** The number with all but its first 3 and last 2 characters replaced by `*` (see {@link maskValue}). */
  masked: string;
}

export interface ScanOptions {
  /**
   * Allow-listed values (see `allowSet` in ./allow). A finding is skipped when its exact
   * text as written, or its normalised digits, is in the set.
   */
  allow?: ReadonlySet<string>;
}

/**
 * Masks an identifier for reports: everything but digits and a final X is dropped, the
 * first 3 and last 2 characters are kept and every other character becomes `*`
 * (`330182198503124513` → `330*************13`, `138 1234 5678` → `138******78`).
 * Values of 7 characters or fewer are masked entirely, so the output never holds more than
 * 3 consecutive original characters of a number.
 */
export function maskValue(s: string): string {
  return maskChars(
    normalizeForScan(s)
      .text.replace(/[^0-9Xx]/g, '')
      .toUpperCase(),
  );
}

function maskChars(d: string): string {
  if (d.length <= 7) return '*'.repeat(d.length);
  return d.slice(0, 3) + '*'.repeat(d.length - 5) + d.slice(-2);
}

const MOBILE_RE = /^1[3-9]\d{9}$/;

/**
 * Issuer prefixes of cards used in China: 62 UnionPay (and 60/65), 4 Visa, 5 and
 * 2221–2720 Mastercard, 3 JCB/Amex, 9 older domestic debit cards (e.g. 9558).
 * Requiring one keeps date-led order numbers (`2026112…`) out even when they pass Luhn.
 */
function hasCardIssuerPrefix(d: string): boolean {
  const c = d.charAt(0);
  if (c === '3' || c === '4' || c === '5' || c === '6' || c === '9') return true;
  const p4 = Number(d.slice(0, 4));
  return p4 >= 2221 && p4 <= 2720;
}

function isCardNumber(d: string): boolean {
  if (!hasCardIssuerPrefix(d)) return false;
  if (/^(\d)\1+$/.test(d)) return false;
  return luhnValid(d);
}

/**
 * An 18-digit number with a real province and a real 18xx–20xx calendar date where the
 * birth date goes is ID-shaped (perhaps mistyped, or out of range): it is not reported as
 * a bank card just because it happens to pass Luhn (1 in 10 do).
 */
function looksLikeId18(d: string): boolean {
  const century = d.slice(6, 8);
  return hasProvinceCode(d) && (century === '18' || century === '19' || century === '20') && isCalendarDate(d.slice(6, 14));
}

/**
 * An all-digit GB 32100 code of a common kind — 1x 机构编制, 5x 民政, 9x 工商 (type 1-3 or 9),
 * then a real area code — that passes MOD 31. About 1 in 10 such codes also passes Luhn;
 * they are public and are not reported as cards. (62… UnionPay numbers never match.)
 */
function looksLikeOrgCode(d: string): boolean {
  return /^(?:1[1239]|5[1239]|9[123])/.test(d) && hasProvinceCode(d.slice(2)) && isValidCreditCode(d);
}

// ---------------------------------------------------------------------------------------
// Context around a run (all on the normalised text).

/** Short ASCII labels that may be glued to an ID or mobile number (`TEL13812345678`). */
const GLUED_LABELS: ReadonlySet<string> = new Set([
  'id',
  'idno',
  'idcard',
  'sfz',
  'sfzh',
  'sfzhm',
  'tel',
  'phone',
  'mobile',
  'mob',
  'cell',
  'sj',
  'sjh',
  'dh',
  'lxdh',
  'wx',
  'vx',
  'wxid',
  'weixin',
  'wechat',
]);

/** Labels that mark an 18-character value as an organisation code (GB 32100), not an ID. */
const CREDIT_CODE_LABELS = ['信用代码', '社会信用', '机构代码', '纳税人识别号', '税号', '索引号', 'issuercode', 'creditcode', 'uscc', 'indexnumber'] as const;
const CREDIT_LABEL_WINDOW = 24;

/** Labels that mark a card-shaped number as an organisation's account, not a person's card. */
const ORG_ACCOUNT_LABELS = ['对公', '单位账', '单位帐', '基本户', '基本存款', '集体账', '集体帐', '专户', '经济合作社账', '委员会账'] as const;

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

type LeftTaint = 'none' | 'label' | 'hard';

/** What touches a run on its left: nothing, a known glued label, or letters of a longer code. */
function leftTaint(text: string, start: number): LeftTaint {
  if (start === 0 || !isAsciiLetter(text.charCodeAt(start - 1))) return 'none';
  let k = start - 1;
  while (k > 0 && start - k < 12 && isAsciiLetter(text.charCodeAt(k - 1))) k--;
  if (k > 0 && (isAsciiLetter(text.charCodeAt(k - 1)) || isAsciiDigit(text.charCodeAt(k - 1)))) return 'hard';
  return GLUED_LABELS.has(text.slice(k, start).toLowerCase()) ? 'label' : 'hard';
}

/** The same line's text before `start`, at most `window` characters, lower-cased. */
function lineBefore(text: string, start: number, window: number): string {
  let from = Math.max(0, start - window);
  const nl = text.lastIndexOf('\n', start - 1);
  if (nl >= from) from = nl + 1;
  return text.slice(from, start).toLowerCase();
}

/**
 * An 18-character value that is a valid GB 32100 code is treated as the public
 * organisation code it claims to be when it leads an 索引号 (`…/2026-00012`) or follows
 * a label such as 统一社会信用代码 on the same line.
 */
function inCreditCodeContext(text: string, digits: string, start: number, end: number): boolean {
  if (!isValidCreditCode(digits)) return false;
  const next = text.charAt(end);
  if (next === '/') return true;
  const before = lineBefore(text, start, CREDIT_LABEL_WINDOW);
  return CREDIT_CODE_LABELS.some((label) => before.includes(label));
}

function inOrgAccountContext(text: string, start: number): boolean {
  const before = lineBefore(text, start, CREDIT_LABEL_WINDOW);
  return ORG_ACCOUNT_LABELS.some((label) => before.includes(label));
}

// ---------------------------------------------------------------------------------------
// Runs, gaps and segments.

/** Longest gap between two digit groups of one number, in normalised characters. */
export const MAX_GAP = 8;
/** Most digits a finding can have (19-digit cards). */
const MAX_DIGITS = 19;

/** Per BMP code unit, what it is between two digit groups: not a gap, a soft gap, markup, or another hard gap character. */
const NOT_GAP = 0;
const SOFT = 1;
const MARKUP = 2;
const HARD = 3;
const GAP_KIND = new Uint8Array(65536);
// White space and block tags separate words; `/` lists alternatives (`138…/139…`).
for (const ch of [' ', '\t', '\r', '\n', '/', BREAK_MARK]) GAP_KIND[ch.charCodeAt(0)] = SOFT;
// Markup (tags, Markdown emphasis) is one kind of gap however it is spelled.
for (const ch of ['*', '_', '~', '`', JOIN_MARK]) GAP_KIND[ch.charCodeAt(0)] = MARKUP;
for (const ch of '-.\\()[]{}"\'+') GAP_KIND[ch.charCodeAt(0)] = HARD;
/**
 * Every way of drawing a dash is one dash, and every dot one dot: `138—5711-2345` is one
 * number with one kind of gap, as a reader sees it. Chinese typing puts em dashes (——, the
 * IME's dash key), horizontal bars and box-drawing lines where a hyphen would go.
 */
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2E3A\u2E3B\u2500\u2501\u30FC';
const DOTS = '\u00B7\u2022\u2219\u30FB';
for (const ch of DASHES + DOTS) GAP_KIND[ch.charCodeAt(0)] = HARD;
const CANONICAL_MARK = new Map<number, string>([...DASHES].map((ch) => [ch.charCodeAt(0), '-']));
for (const ch of DOTS) CANONICAL_MARK.set(ch.charCodeAt(0), '.');

interface Group {
  /** Normalised offsets. */
  start: number;
  end: number;
  /** ASCII digits, with a final `X` for a check character. */
  digits: string;
}

interface Run {
  groups: Group[];
  /** `soft[k]`, `sig[k]`: the gap between groups k and k + 1 (sig: its hard characters). */
  soft: boolean[];
  sig: string[];
  /** `breaks[k]`: that gap holds a line break (a number wrapped at the end of a line). */
  breaks: boolean[];
  left: LeftTaint;
  rightTainted: boolean;
}

interface Candidate {
  kind: FindingKind;
  /** Normalised offsets of the number (after any 86/0086 prefix). */
  start: number;
  end: number;
  digits: string;
}

/** Where the last {@link readGap} ended and what it was (module scratch: no allocation per gap). */
let gapEnd = 0;
let gapSig = '';
let gapBreaks = false;

/** Reads the gap from `a` (end of a group) to the next digit; false when the run ends here. */
function readGap(text: string, a: number): boolean {
  let sig = '';
  let newlines = 0;
  const limit = Math.min(text.length, a + MAX_GAP + 1);
  for (let k = a; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      if (k === a) return false;
      gapEnd = k;
      gapSig = sig;
      gapBreaks = newlines > 0;
      return true;
    }
    const kind = GAP_KIND[c] ?? NOT_GAP;
    if (kind === NOT_GAP) return false;
    if (kind === SOFT) {
      if (c === 10 && ++newlines > 1) return false;
      continue;
    }
    const mark = kind === MARKUP ? JOIN_MARK : (CANONICAL_MARK.get(c) ?? text.charAt(k));
    if (!sig.endsWith(mark)) sig += mark;
  }
  return false;
}

/** Reads the run that starts at digit `start`; returns it and where scanning goes on. */
function readRun(text: string, start: number): { run: Run; next: number } {
  const groups: Group[] = [];
  const soft: boolean[] = [];
  const sig: string[] = [];
  const breaks: boolean[] = [];
  let k = start;
  for (;;) {
    let e = k;
    while (e < text.length && isAsciiDigit(text.charCodeAt(e))) e++;
    if (e === k) break;
    // A check character X ends its number.
    const x = text.charCodeAt(e);
    const hasX = x === 88 || x === 120;
    groups.push({ start: k, end: hasX ? e + 1 : e, digits: hasX ? `${text.slice(k, e)}X` : text.slice(k, e) });
    k = hasX ? e + 1 : e;
    if (hasX || !readGap(text, k)) break;
    soft.push(gapSig === '');
    sig.push(gapSig);
    breaks.push(gapBreaks);
    k = gapEnd;
  }
  // An area code or mobile prefix in parentheses, `(138)5711-2345` or `(138) 5711 2345`: the
  // brackets set the first group apart and say nothing of how the rest is written, so the first
  // gap counts as the gap that follows it.
  const first = groups[0];
  // Only a bracket alone (`(1)-5632…` in code is no prefix), around 3 or 4 digits.
  const prefixLength = first?.digits.length ?? 0;
  if (first !== undefined && groups.length > 2 && text.charAt(start - 1) === '(' && sig[0] === ')' && prefixLength >= 3 && prefixLength <= 4) {
    sig[0] = sig[1] ?? '';
    soft[0] = soft[1] ?? false;
  }
  const after = text.charCodeAt(k);
  return {
    run: { groups, soft, sig, breaks, left: leftTaint(text, start), rightTainted: isAsciiLetter(after) || isAsciiDigit(after) },
    next: k,
  };
}

/** The normalised offset just after the `n`-th digit of groups i.. (to skip a 86 prefix). */
function afterDigits(run: Run, i: number, n: number): number {
  let left = n;
  for (let k = i; ; k++) {
    const g = run.groups[k];
    if (g === undefined) return 0;
    const len = g.end - g.start;
    if (left < len) return g.start + left;
    left -= len;
    if (left === 0) return run.groups[k + 1]?.start ?? g.end;
  }
}

function candidateAt(run: Run, i: number, j: number, kind: FindingKind, digits: string, skip: number): Candidate {
  return { kind, start: skip ? afterDigits(run, i, skip) : (run.groups[i]?.start ?? 0), end: run.groups[j]?.end ?? 0, digits };
}

/** Which kinds a number starting with `head` (its first 4 digits) could be: bit 1 ID, 2 mobile, 4 card. */
function possibleKinds(head: string): number {
  let kinds = 0;
  const c0 = head.charCodeAt(0);
  const c1 = head.charCodeAt(1);
  if (hasProvinceCode(head)) kinds |= 1;
  if ((c0 === 49 && c1 >= 51 && c1 <= 57) || (c0 === 56 && c1 === 54) || (c0 === 48 && c1 === 48)) kinds |= 2;
  if (hasCardIssuerPrefix(head)) kinds |= 4;
  return kinds;
}

/** Classifies groups i..j of a run (their digits: `digits`) as one number, or returns null. */
function classify(text: string, run: Run, i: number, j: number, digits: string, kinds: number): Candidate | null {
  const gi = run.groups[i];
  const gj = run.groups[j];
  if (gi === undefined || gj === undefined) return null;
  const total = digits.length;
  if (kinds & 1) {
    // (Birth years 1900–2030: a cheap test before the full check.)
    const century = digits.charCodeAt(6) * 10 + digits.charCodeAt(7) - 528;
    if (total === 18 && (century === 19 || century === 20) && isValidResidentId18(digits)) {
      return inCreditCodeContext(text, digits, gi.start, gj.end) ? null : candidateAt(run, i, j, 'resident-id', digits, 0);
    }
    // First-generation IDs (withdrawn since 2013, no check digit): in one piece or 6-6-3 only,
    // or any 15 digits with a real date would do.
    if (total === 15 && (i === j || (j === i + 2 && gi.digits.length === 6 && gj.digits.length === 3)) && isValidResidentId15(digits)) {
      return candidateAt(run, i, j, 'resident-id', digits, 0);
    }
  }
  if (digits.endsWith('X')) return null;
  if (kinds & 2) {
    if (total === 11 && MOBILE_RE.test(digits)) return candidateAt(run, i, j, 'mobile', digits, 0);
    if (total === 13 && digits.startsWith('86') && MOBILE_RE.test(digits.slice(2))) {
      if (gi.digits === '86' || (i === 0 && text.charAt(gi.start - 1) === '+')) return candidateAt(run, i, j, 'mobile', digits.slice(2), 2);
    }
    if (total === 15 && digits.startsWith('0086') && MOBILE_RE.test(digits.slice(4))) return candidateAt(run, i, j, 'mobile', digits.slice(4), 4);
  }
  // A glued label (TEL13812345678) vouches for IDs and mobiles only.
  if (i === 0 && run.left === 'label') return null;
  if (kinds & 4 && total >= 16 && isCardShape(run, i, j) && isCardNumber(digits)) {
    if (total === 18 && (looksLikeOrgCode(digits) || looksLikeId18(digits))) return null;
    return inOrgAccountContext(text, gi.start) ? null : candidateAt(run, i, j, 'bank-card', digits, 0);
  }
  return null;
}

/**
 * How cards are written: in one piece, in fours (4-4-4-4-3), or the 6-digit issuer number
 * then the rest (6-13). Not any grouping: a 12-digit village code and a year
 * (`330185117204/2026`) are 16 digits that pass Luhn one time in ten.
 */
function isCardShape(run: Run, i: number, j: number): boolean {
  // A line break is where the line ended, not how the number is grouped: join across it.
  const sizes: number[] = [run.groups[i]?.digits.length ?? 0];
  for (let k = i + 1; k <= j; k++) {
    const len = run.groups[k]?.digits.length ?? 0;
    if (run.breaks[k - 1] === true) sizes[sizes.length - 1]! += len;
    else sizes.push(len);
  }
  if (sizes.length === 1) return true;
  if (sizes[0] === 6 && sizes.length === 2) return true;
  return sizes[0] === 4 && sizes.slice(1, -1).every((n) => n === 4);
}

function isCountryCode(g: Group | undefined): boolean {
  return g !== undefined && (g.digits === '86' || g.digits === '0086');
}

/** Whether a number of `len` digits can be one of `kinds` (bits as in {@link possibleKinds}). */
function lengthFits(len: number, kinds: number): boolean {
  if (kinds & 1 && (len === 18 || len === 15)) return true;
  if (kinds & 2 && (len === 11 || len === 13 || len === 15)) return true;
  return (kinds & 4) !== 0 && len >= 16 && len <= 19;
}

/** Lengths some kind can have: 11 mobile, 13 86+mobile, 15 old ID or 0086+mobile, 16–19 card (18 ID). */
function isCandidateLength(len: number): boolean {
  return len === 11 || len === 13 || len >= 15;
}

/** The hard gaps that may mix with white space in one number: dashes and markup. */
const MIXABLE: ReadonlySet<string> = new Set(['', '-', JOIN_MARK]);

/** DP states: how the last segment ended (for the "one long spaced number" rule). */
const PLAIN = 0;
const SPACED_FINDING = 1;
const LONE_GROUP = 2;

/**
 * The findings of one run: the cut into findings and filler that reports the most digits.
 * A number written in spaced groups does not end next to a lone spaced group of 3 digits or
 * more, in either order (`6217 0023 4567 8900 5678` is one 20-digit number, not a card).
 * Dynamic programming over (groups cut so far × state), in typed arrays: linear in the run.
 */
function scanRun(text: string, run: Run, out: Candidate[]): void {
  const { groups, soft, sig } = run;
  const n = groups.length;
  let digitCount = 0;
  for (const g of groups) digitCount += g.digits.length;
  if (digitCount < 11) return;
  const pre = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) pre[k + 1] = (pre[k] ?? 0) + (groups[k]?.digits.length ?? 0);
  const all = groups.map((g) => g.digits).join('');
  // chunkEnd[k]: last group of the piece (between soft gaps) that starts at k.
  const chunkEnd = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) chunkEnd[k] = k === n - 1 || soft[k] ? k : (chunkEnd[k + 1] ?? k);
  const size = 3 * (n + 1);
  const score = new Int32Array(size).fill(-1);
  const prev = new Int32Array(size);
  // foundAt[state]: index in `made` of the candidate the step into that state found, or -1.
  const foundAt = new Int32Array(size).fill(-1);
  const made: Candidate[] = [];
  score[0] = 0;
  // whole[k]: group k is a complete number by itself. A number written in pieces never
  // contains one (`330182198503124519 2` is an ID and a count, not a 19-digit card).
  const whole = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const len = groups[k]?.digits.length ?? 0;
    if (isCandidateLength(len) && len <= MAX_DIGITS) {
      const head = groups[k]?.digits.slice(0, 4) ?? '';
      whole[k] = classify(text, run, k, k, groups[k]?.digits ?? '', possibleKinds(head)) === null ? 0 : 1;
    }
  }
  for (let k = 0; k < n; k++) {
    for (let state = 0; state < 3; state++) {
      const from = 3 * k + state;
      const here = score[from] ?? -1;
      if (here < 0) continue;
      // Filler: the whole piece from k to the next soft gap.
      if (k === 0 || soft[k - 1] === true) {
        const e = chunkEnd[k] ?? k;
        const lone = e === k && (groups[k]?.digits.length ?? 0) > 2;
        const to = 3 * (e + 1) + (lone ? LONE_GROUP : PLAIN);
        if (!(lone && state === SPACED_FINDING) && here > (score[to] ?? -1)) {
          score[to] = here;
          prev[to] = from;
          foundAt[to] = -1;
        }
      }
      // Findings: groups k..j with one kind of gap throughout.
      if (k === 0 && run.left === 'hard') continue;
      let kinds = possibleKinds(all.slice(pre[k], (pre[k] ?? 0) + 4));
      // An 18-digit ID has a 19xx/20xx birth year at digits 7–8; a 15-digit one is one piece or
      // 6-6-3. Without either, no ID starts here (and "1 1 1 …" costs no ID checks).
      const c6 = all.charCodeAt((pre[k] ?? 0) + 6);
      const c7 = all.charCodeAt((pre[k] ?? 0) + 7);
      const id18 = (c6 === 49 && c7 === 57) || (c6 === 50 && c7 === 48);
      const g0 = groups[k]?.digits.length ?? 0;
      if (kinds & 1 && !id18 && g0 !== 15 && g0 !== 6) kinds &= ~1;
      if (kinds === 0) continue;
      // One kind of gap throughout, or white space plus one other kind (`138-1234 5678`): a
      // mixed number must be an ID or a mobile and a whole piece, from soft gap to soft gap.
      let hard = '';
      let mixed = false;
      for (let j = k; j < n; j++) {
        if (j > k) {
          const g = sig[j - 1] ?? '';
          if (g !== '' && hard === '') hard = g;
          // Dots and dashes never mix: `4.2-20.4` is SVG path data and number ranges, not a number.
          if (g !== '' && g !== hard) break;
          // Dots between spaced groups are decimals (`13.255 6.75488`), never one number.
          if (g !== sig[k] && !MIXABLE.has(hard)) break;
          if (g !== sig[k]) mixed = true;
          if ((whole[j] === 1 && !(j === k + 1 && isCountryCode(groups[k]))) || whole[k] === 1) break;
        }
        const len = (pre[j + 1] ?? 0) - (pre[k] ?? 0);
        if (len > MAX_DIGITS) break;
        if (!lengthFits(len, kinds)) continue;
        if (j === n - 1 && run.rightTainted) continue;
        const spaced = j > k && soft[k] === true;
        if (spaced && state === LONE_GROUP) continue;
        if (mixed && !((k === 0 || soft[k - 1] === true) && (j === n - 1 || soft[j] === true))) continue;
        const c = classify(text, run, k, j, all.slice(pre[k], pre[j + 1]), mixed ? kinds & 3 : kinds);
        const to = 3 * (j + 1) + (spaced ? SPACED_FINDING : PLAIN);
        if (c !== null && here + c.digits.length > (score[to] ?? -1)) {
          score[to] = here + c.digits.length;
          prev[to] = from;
          foundAt[to] = made.push(c) - 1;
        }
      }
    }
  }
  // The best complete cut, walked back. A finding that ends inside a piece is always followed
  // by a finding: filler only ever starts at a piece's start.
  let at = -1;
  for (let s = 0; s < 3; s++) if ((score[3 * n + s] ?? -1) > (at < 0 ? 0 : (score[at] ?? 0))) at = 3 * n + s;
  if (at < 0) return;
  const hits: Candidate[] = [];
  while (at > 0) {
    const c = made[foundAt[at] ?? -1];
    if (c !== undefined) hits.push(c);
    at = prev[at] ?? 0;
  }
  for (let f = hits.length - 1; f >= 0; f--) out.push(hits[f]!);
}

// ---------------------------------------------------------------------------------------
// Positions.

function isLowSurrogateAfterHigh(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c < 0xdc00 || c > 0xdfff || pos === 0) return false;
  const h = text.charCodeAt(pos - 1);
  return h >= 0xd800 && h <= 0xdbff;
}

/** Turns UTF-16 offsets (ascending) into 1-based line and code-point column, in one pass. */
function positioner(text: string): (index: number) => { line: number; column: number } {
  let pos = 0;
  let line = 1;
  let column = 1;
  return (index: number) => {
    for (; pos < index; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 10) {
        line++;
        column = 1;
      } else if (!isLowSurrogateAfterHigh(text, pos)) {
        // The low half of a surrogate pair is not counted: the pair is one character.
        column++;
      }
    }
    return { line, column };
  };
}

/** Every number of the normalised text `t`, in text order. */
function candidatesIn(t: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (let k = 0; k < t.length;) {
    if (!isAsciiDigit(t.charCodeAt(k))) {
      k++;
      continue;
    }
    const { run, next } = readRun(t, k);
    scanRun(t, run, candidates);
    k = Math.max(next, k + 1);
    // Skip the rest of a digit group glued to what ended the run (`…1234X5678`).
    while (k < t.length && isAsciiDigit(t.charCodeAt(k))) k++;
  }
  return candidates;
}

/**
 * The digits of each number in `text`, as the scanner compares them with the allow-list
 * (`+86 138 0000 0000` → `13800000000`). For building that list only: never print them.
 */
export function numberDigits(text: string): string[] {
  return candidatesIn(normalizeForScan(text).text).map((c) => c.digits);
}

/**
 * Scans `text` for resident ID, mobile and bank-card numbers, however they are written
 * (see the module comment). Findings are in text order, never overlap and point at the
 * original text. Nothing here throws; the text is not modified.
 */
export function scanText(text: string, opts: ScanOptions = {}): Finding[] {
  if (!/[0-9\u0080-\uFFFF]/.test(text)) return [];
  const norm: Normalized = normalizeForScan(text);
  const candidates = candidatesIn(norm.text);
  if (candidates.length === 0) return [];

  const allow = opts.allow;
  const at = positioner(text);
  const findings: Finding[] = [];
  for (const c of candidates) {
    const start = norm.from[c.start] ?? 0;
    const end = norm.to[c.end - 1] ?? text.length;
    if (allow !== undefined && allow.size > 0) {
      if (allow.has(text.slice(start, end)) || allow.has(c.digits)) continue;
    }
    const { line, column } = at(start);
    findings.push({ kind: c.kind, index: start, length: end - start, line, column, masked: maskChars(c.digits) });
  }
  return findings;
}
