/**
 * Personal-data scanner: finds resident ID, mobile and bank-card numbers in text
 * (DOMAIN.md § Personal information — these are never published).
 *
 * How it works, and why it stays fast and quiet:
 * 1. One precompiled, backtracking-free regex finds "digit tokens": runs of digits joined
 *    by single separators (space, fullwidth space, hyphens), optionally ending in `X`.
 * 2. Each token is split into its digit groups. Left to right, the longest run of groups
 *    that has an accepted *shape* (e.g. 18 | 6-8-4 | 6-4-4-4 for an ID, 11 | 3-4-4 | 3-8
 *    for a mobile, 16–19 | 4-4-4-4(-n) for a card) and passes its standard's check is taken.
 * 3. Boundaries are enforced in code, not by regex look-arounds (so nothing backtracks):
 *    a token glued to letters or digits (`11330182MB…`, `DD6217…`) or to a decimal point
 *    (`…345.67`) is never a match — except a short known label before an ID or mobile
 *    (`TEL138…`); a group joined to a neighbour by a dash belongs to a longer code
 *    (`2026-330182-48-01-123456`), except after a `86-` country code; and a spaced run
 *    must not continue into another group joined the same way (`6217 0023 4567 8900 1234`).
 * 4. Organisation codes (GB 32100) in their usual context and allow-listed values are
 *    dropped. Each candidate costs O(1), so the scan is linear in the text length.
 */

import { hasProvinceCode, isCalendarDate, isValidCreditCode, isValidResidentId15, isValidResidentId18, luhnValid } from './identifiers';
import { DIGIT_CLASS, SEPARATOR_CLASS, X_CLASS, asciiDigit, isSpaceSeparator } from './normalize';

export type FindingKind = 'resident-id' | 'mobile' | 'bank-card';

export interface Finding {
  kind: FindingKind;
  /** UTF-16 offset of the first character of the number (a `+86` prefix is not included). */
  index: number;
  /** UTF-16 length of the number as written, separators included. */
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
  /**
   * What kind of markup the text is written in, so that markup between the characters of one
   * number can be seen through (issue 17 item 2). `'html'` for built pages, SVG and XML feeds,
   * `'markdown'` for content bodies; plain text when absent. Not used by the scanner yet: the
   * callers already say what they pass (the output scan, src/lib/output/scan.ts, passes `'html'`).
   */
  markup?: 'html' | 'markdown';
}

const TOKEN_RE = new RegExp(`[${DIGIT_CLASS}]+(?:[${SEPARATOR_CLASS}][${DIGIT_CLASS}]+)*[${X_CLASS}]?`, 'g');
/** Shortest token worth looking at: an 11-digit mobile. */
const MIN_TOKEN_CHARS = 11;

const SEPARATOR_G = new RegExp(`[${SEPARATOR_CLASS}]`, 'g');

/**
 * Masks an identifier for reports: separators are dropped, the first 3 and last 2
 * characters are kept and every other character becomes `*`
 * (`330182198503124513` → `330*************13`, `138 1234 5678` → `138******78`).
 * Values of 7 characters or fewer are masked entirely, so the output never holds more than
 * 3 consecutive original characters of a number.
 */
export function maskValue(s: string): string {
  return maskChars(Array.from(s.replace(SEPARATOR_G, '')).map(asciiDigit).join(''));
}

/** {@link maskValue} for a string already free of separators and astral characters. */
function maskChars(d: string): string {
  if (d.length <= 7) return '*'.repeat(d.length);
  return d.slice(0, 3) + '*'.repeat(d.length - 5) + d.slice(-2);
}

// ---------------------------------------------------------------------------------------
// Shapes (digit-group lengths) accepted for each kind.

const ID18_SHAPES: ReadonlySet<string> = new Set(['18', '6,8,4', '6,4,4,4']);
const ID15_SHAPES: ReadonlySet<string> = new Set(['15', '6,6,3']);
const MOBILE_SHAPES: ReadonlySet<string> = new Set(['11', '3,4,4', '3,8']);

/** 16–19 digits (checked by the caller) written in one piece, or in fours: 4-4-4-4(-n), n = 1…3. */
function isCardShape(shape: string, groupCount: number): boolean {
  if (groupCount === 1) return true;
  if (groupCount === 4) return shape === '4,4,4,4';
  return groupCount === 5 && shape.startsWith('4,4,4,4,');
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
// Context around a token.

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
]);

/** Labels that mark an 18-character value as an organisation code (GB 32100), not an ID. */
const CREDIT_CODE_LABELS = ['信用代码', '社会信用', '机构代码', '纳税人识别号', '税号', '索引号', 'issuercode', 'creditcode', 'uscc', 'indexnumber'] as const;
const CREDIT_LABEL_WINDOW = 24;

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAnyDigit(c: number): boolean {
  return isAsciiDigit(c) || (c >= 0xff10 && c <= 0xff19);
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAnyLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}
function isAlnum(c: number): boolean {
  return isAnyDigit(c) || isAnyLetter(c);
}

type LeftTaint = 'none' | 'label' | 'hard';

/** What touches the token on its left: nothing, a known glued label, or a longer code. */
function leftTaint(text: string, start: number): LeftTaint {
  if (start === 0) return 'none';
  const p = text.charCodeAt(start - 1);
  if (isAnyDigit(p)) return 'hard';
  if (p === 46 /* . */ && start >= 2 && isAnyDigit(text.charCodeAt(start - 2))) return 'hard';
  if (!isAnyLetter(p)) return 'none';
  if (!isAsciiLetter(p)) return 'hard';
  let k = start - 1;
  while (k > 0 && start - k < 12 && isAsciiLetter(text.charCodeAt(k - 1))) k--;
  if (k > 0 && isAlnum(text.charCodeAt(k - 1))) return 'hard';
  return GLUED_LABELS.has(text.slice(k, start).toLowerCase()) ? 'label' : 'hard';
}

/** True when the token runs on into letters, digits or a decimal fraction. */
function rightTainted(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const c = text.charCodeAt(end);
  if (isAlnum(c)) return true;
  return c === 46 /* . */ && end + 1 < text.length && isAnyDigit(text.charCodeAt(end + 1));
}

/**
 * An 18-character value that is a valid GB 32100 code is treated as the public
 * organisation code it claims to be when it leads an 索引号 (`…/2026-00012`) or follows
 * a label such as 统一社会信用代码 on the same line.
 */
function inCreditCodeContext(text: string, digits: string, start: number, end: number): boolean {
  if (!isValidCreditCode(digits)) return false;
  const next = text.charAt(end);
  if (next === '/' || next === '\uFF0F') return true;
  let from = Math.max(0, start - CREDIT_LABEL_WINDOW);
  const nl = text.lastIndexOf('\n', start - 1);
  if (nl >= from) from = nl + 1;
  const before = text.slice(from, start).toLowerCase();
  return CREDIT_CODE_LABELS.some((label) => before.includes(label));
}

// ---------------------------------------------------------------------------------------
// Tokens and candidates.

interface Group {
  start: number;
  end: number;
  /** ASCII digits, with a final `X` for a check character. */
  digits: string;
}

interface Candidate {
  kind: FindingKind;
  first: number;
  last: number;
  start: number;
  end: number;
  digits: string;
  sep: string;
}

/** A token split at its separators; `seps[k]` lies between `groups[k]` and `groups[k + 1]`. */
interface Token {
  offset: number;
  groups: Group[];
  seps: string[];
  leftTaint: LeftTaint;
  rightTainted: boolean;
}

function isCountryCode(g: Group | undefined): boolean {
  return g !== undefined && (g.digits === '86' || g.digits === '0086');
}

function toAscii(s: string): string {
  let out = '';
  for (const ch of s) out += asciiDigit(ch);
  return out;
}

function splitToken(token: string, offset: number): { groups: Group[]; seps: string[] } {
  const groups: Group[] = [];
  const seps: string[] = [];
  let gStart = 0;
  let plain = true;
  for (let k = 0; k <= token.length; k++) {
    const c = k < token.length ? token.charCodeAt(k) : -1;
    if (isAsciiDigit(c)) continue;
    if (c === 88 /* X */ || (c >= 0xff10 && c <= 0xff19) || c === 120 || c === 0xff38 || c === 0xff58) {
      if (c !== 88) plain = false;
      continue;
    }
    const raw = token.slice(gStart, k);
    groups.push({ start: offset + gStart, end: offset + k, digits: plain ? raw : toAscii(raw) });
    if (c !== -1) seps.push(token.charAt(k));
    gStart = k + 1;
    plain = true;
  }
  return { groups, seps };
}

function candidate(tok: Token, kind: FindingKind, i: number, j: number, digits: string, skip = 0): Candidate {
  const gi = tok.groups[i];
  const gj = tok.groups[j];
  return {
    kind,
    first: i,
    last: j,
    start: (gi?.start ?? 0) + skip,
    end: gj?.end ?? 0,
    digits,
    sep: j > i ? (tok.seps[i] ?? '') : '',
  };
}

/** Lengths worth classifying: mobile 11, `+86…` 13, old ID or `0086…` 15, cards 16–19 (IDs 18). */
function isInterestingLength(total: number): boolean {
  return total === 11 || total === 13 || total >= 15;
}

/** Classifies groups i..j of a token, or returns null. */
function tryRun(text: string, tok: Token, i: number, j: number, total: number): Candidate | null {
  const { groups, seps } = tok;
  const n = groups.length;
  if (!isInterestingLength(total)) return null;
  const sep = j > i ? (seps[i] ?? '') : '';
  for (let k = i + 1; k < j; k++) if (seps[k] !== sep) return null;
  const gi = groups[i];
  const gj = groups[j];
  if (gi === undefined || gj === undefined) return null;
  if (j === n - 1 && tok.rightTainted) return null;
  if (j < n - 1 && !isSpaceSeparator(seps[j] ?? '')) return null;
  if (i === 0 && tok.leftTaint === 'hard') return null;
  // A dash may join the number to a leading "86"/"0086" group only, and then only a mobile.
  const dashBefore = i > 0 && !isSpaceSeparator(seps[i - 1] ?? '');
  if (dashBefore && !(i === 1 && isCountryCode(groups[0]))) return null;

  let digits = gi.digits;
  let shape = String(gi.digits.length);
  for (let k = i + 1; k <= j; k++) {
    const g = groups[k];
    if (g === undefined) return null;
    digits += g.digits;
    shape += `,${g.digits.length}`;
  }

  if (!dashBefore) {
    if (ID18_SHAPES.has(shape) && isValidResidentId18(digits)) {
      if (inCreditCodeContext(text, digits, gi.start, gj.end)) return null;
      return candidate(tok, 'resident-id', i, j, digits);
    }
    if (ID15_SHAPES.has(shape) && isValidResidentId15(digits)) {
      return candidate(tok, 'resident-id', i, j, digits);
    }
  }
  if (digits.endsWith('X')) return null;
  if (MOBILE_SHAPES.has(shape) && MOBILE_RE.test(digits)) return candidate(tok, 'mobile', i, j, digits);
  if (i === 0 && j === 0) {
    // "+8613812345678" and "008613812345678": the country code glued to the number.
    const before = text.charAt(tok.offset - 1);
    if (total === 13 && (before === '+' || before === '\uFF0B') && digits.startsWith('86') && MOBILE_RE.test(digits.slice(2))) {
      return candidate(tok, 'mobile', i, j, digits.slice(2), 2);
    }
    if (total === 15 && digits.startsWith('0086') && MOBILE_RE.test(digits.slice(4))) {
      return candidate(tok, 'mobile', i, j, digits.slice(4), 4);
    }
  }
  // A glued label (TEL13812345678) is accepted for IDs and mobiles only.
  if (dashBefore || (i === 0 && tok.leftTaint === 'label')) return null;
  if (total >= 16 && isCardShape(shape, j - i + 1) && isCardNumber(digits)) {
    if (total === 18 && looksLikeOrgCode(digits)) return null;
    if (total === 18 && i === j && looksLikeId18(digits)) return null;
    return candidate(tok, 'bank-card', i, j, digits);
  }
  return null;
}

/**
 * True when a multi-group candidate continues, across the same kind of separator, into a
 * neighbouring group no other candidate explains: "1234 5678 9012 3456 7890" is one long
 * number, not a card plus a remainder. A 1–2 digit neighbour ("… 5678 2 人") does not
 * count for IDs and mobiles; a leading "86" before a mobile never does.
 */
function continuesInto(tok: Token, c: Candidate, k: number, sepIdx: number, covered: ReadonlySet<number>): boolean {
  const g = tok.groups[k];
  if (g === undefined || tok.seps[sepIdx] !== c.sep || covered.has(k)) return false;
  if (c.kind === 'mobile' && k === 0 && c.first === 1 && isCountryCode(g)) return false;
  return c.kind === 'bank-card' || g.digits.length > 2;
}

function scanToken(text: string, token: string, offset: number, out: Candidate[]): void {
  const { groups, seps } = splitToken(token, offset);
  const tok: Token = {
    offset,
    groups,
    seps,
    leftTaint: leftTaint(text, offset),
    rightTainted: rightTainted(text, offset + token.length),
  };
  const n = groups.length;

  // Left to right, take the longest run of groups (≤ 5 groups, ≤ 19 digits) that classifies.
  const found: Candidate[] = [];
  const totals = [0, 0, 0, 0, 0];
  let i = 0;
  while (i < n) {
    let reach = 0;
    let total = 0;
    for (let j = i; j < n && reach < 5; j++) {
      total += groups[j]?.digits.length ?? 0;
      if (total > 19) break;
      totals[reach++] = total;
    }
    let hit: Candidate | null = null;
    for (let r = reach - 1; r >= 0 && hit === null; r--) {
      hit = tryRun(text, tok, i, i + r, totals[r] ?? 0);
    }
    if (hit === null) {
      i++;
    } else {
      found.push(hit);
      i = hit.last + 1;
    }
  }
  if (found.length === 0) return;

  const covered = new Set<number>();
  for (const c of found) for (let k = c.first; k <= c.last; k++) covered.add(k);
  for (const c of found) {
    if (c.first < c.last && (continuesInto(tok, c, c.first - 1, c.first - 1, covered) || continuesInto(tok, c, c.last + 1, c.last, covered))) {
      continue;
    }
    out.push(c);
  }
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

/**
 * Scans `text` for resident ID, mobile and bank-card numbers. Findings are in text order
 * and never overlap. Nothing here throws; the text is not modified.
 */
export function scanText(text: string, opts: ScanOptions = {}): Finding[] {
  const candidates: Candidate[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const token = m[0];
    if (token.length >= MIN_TOKEN_CHARS) scanToken(text, token, m.index, candidates);
  }
  if (candidates.length === 0) return [];

  const allow = opts.allow;
  const at = positioner(text);
  const findings: Finding[] = [];
  for (const c of candidates) {
    if (allow !== undefined && allow.size > 0) {
      if (allow.has(text.slice(c.start, c.end)) || allow.has(c.digits)) continue;
    }
    const { line, column } = at(c.start);
    findings.push({
      kind: c.kind,
      index: c.start,
      length: c.end - c.start,
      line,
      column,
      masked: maskChars(c.digits),
    });
  }
  return findings;
}
