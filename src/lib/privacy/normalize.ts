/**
 * The one normalisation every personal-data scan starts from (content, commit messages,
 * imports and the built output all go through `scanText`, which calls this first).
 *
 * A number is what a reader sees, not how it is encoded, so before looking for numbers:
 * - HTML entities are decoded (`&#49;` `&#x31;` `&nbsp;` `&shy;` …), once;
 * - invisible characters are removed (Unicode Default_Ignorable_Code_Point: zero-width
 *   space/joiners, soft hyphen, word joiner, BOM, bidi marks — common in text pasted
 *   from WeChat or Word);
 * - compatibility forms become plain ones (NFKC: fullwidth `１３８`, `（` → `(`, `①` → `1`,
 *   mathematical and superscript digits);
 * - decimal digits of every script (`٣`, `३`, `๓` …, Unicode Nd) become ASCII digits;
 * - markup becomes a one-character marker: an inline tag or a comment (`<em>`, `<span …>`,
 *   `<!-- -->`, `<wbr>`) joins what is on either side ({@link JOIN_MARK}); any other tag
 *   (`</td><td>`, `<br>`, `<p>`) separates like a space ({@link BREAK_MARK});
 * - a run of at least 11 digits written partly in Chinese numerals (一三八…, 幺 for 1,
 *   两 for 2, 〇/零 for 0) becomes digits — the way mobile numbers are dictated.
 *
 * Every character of the result remembers where it came from, so findings point at the
 * original text (file, line and column as the official wrote them).
 */

/** Stands for a tag or comment that joins its neighbours (`138<em>1234</em>5678`). */
export const JOIN_MARK = '\uE000';
/** Stands for a tag that separates like white space (`</td><td>`, `<br>`). */
export const BREAK_MARK = '\uE001';

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** `from[k]`: UTF-16 offset in the original of the unit that produced `text[k]`. */
  from: Int32Array;
  /** `to[k]`: offset just after that unit (an entity or a tag is one unit). */
  to: Int32Array;
}

/** Inline elements: a number split by them reads as one number. */
const INLINE_TAGS: ReadonlySet<string> = new Set(
  'a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q rp rt ruby s samp small span strike strong sub sup time tt u var wbr'.split(' '),
);

/** Named entities that matter for numbers (digits, spaces, dashes, invisible characters, punctuation). */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  numsp: '\u2007',
  puncsp: '\u2008',
  hairsp: '\u200A',
  zwsp: '\u200B',
  zwnj: '\u200C',
  zwj: '\u200D',
  lrm: '\u200E',
  rlm: '\u200F',
  shy: '\u00AD',
  hyphen: '\u2010',
  dash: '\u2010',
  ndash: '\u2013',
  mdash: '\u2014',
  horbar: '\u2015',
  bull: '\u2022',
  bullet: '\u2022',
  minus: '\u2212',
  period: '.',
  sol: '/',
  bsol: '\\',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  lcub: '{',
  rcub: '}',
  lowbar: '_',
  plus: '+',
  ast: '*',
  middot: '\u00B7',
  centerdot: '\u00B7',
  NewLine: '\n',
  Tab: '\t',
  NoBreak: '\u2060',
};

const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,20})(?:\s[^<>]{0,300})?\/?>|<!--[\s\S]{0,300}?-->/y;
const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,10}));/y;
const IGNORABLE_RE = /^\p{Default_Ignorable_Code_Point}$/u;
const ND_RE = /^\p{Nd}$/u;

/** Chinese numerals as they are used to dictate a number, digit by digit. */
const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** The value 0–9 of a Unicode decimal digit: Nd digits come in contiguous runs from 0. */
function ndValue(cp: number): number {
  let zero = cp;
  while (zero > 0 && ND_RE.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

const normalCache = new Map<string, string>();

/** What one decoded character contributes: removed, kept, or rewritten (memoised: text repeats its characters). */
function normalChar(ch: string): string {
  let out = normalCache.get(ch);
  if (out === undefined) {
    out = computeNormalChar(ch);
    if (normalCache.size < 65536) normalCache.set(ch, out);
  }
  return out;
}

function computeNormalChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80 || (cp >= 0x4e00 && cp <= 0x9fff)) return ch;
  if (IGNORABLE_RE.test(ch)) return '';
  let out = '';
  for (const c of ch.normalize('NFKC')) {
    const v = c.codePointAt(0) ?? 0;
    if (v >= 0x80 && ND_RE.test(c)) out += String(ndValue(v));
    else if (v >= 0x80 && IGNORABLE_RE.test(c)) continue;
    else out += c;
  }
  return out;
}

function decodeEntity(m: RegExpExecArray): string | undefined {
  const [, dec, hex, name] = m;
  if (name !== undefined) return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()];
  const cp = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
  return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : undefined;
}

const CHINESE_DIGIT_RE = /[〇零一幺二两三四五六七八九]/;
/** What a character may turn into that matters to a scan: digits, letters, gap characters, markup. */
const SIGNIFICANT_RE = /[0-9A-Za-z\s\-./\\_()[\]{}"'+*~`<&\u00B7\u2010-\u2015\u2022\u2212\u2219\u2E3A\u2E3B\u2500\u2501\u30FB\u30FC]/;
/** Per BMP code unit: 0 not yet known, 1 inert (copied as it is), 2 needs normalising. */
const unitKind = new Uint8Array(65536);

/**
 * A character is inert when normalising cannot change what a scan sees: it stays itself,
 * or becomes something that is neither a digit, a letter nor a gap (`，` → `,`, `：` → `:`).
 */
function isInertUnit(c: number): boolean {
  let k = unitKind[c] ?? 0;
  if (k === 0) {
    if (c === 60 || c === 38 || (c >= 0xd800 && c <= 0xdfff)) k = 2;
    else if (c < 0x80) k = 1;
    else {
      const ch = String.fromCharCode(c);
      const out = computeNormalChar(ch);
      k = out === ch || (out !== '' && !SIGNIFICANT_RE.test(out)) ? 1 : 2;
    }
    unitKind[c] = k;
  }
  return k === 1;
}

/** Growable from/to offsets. */
class Offsets {
  from: Int32Array;
  to: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
  }
  push(start: number, end: number, count: number) {
    if (this.length + count > this.from.length) {
      const cap = Math.max(this.from.length * 2, this.length + count);
      const f = new Int32Array(cap);
      const t = new Int32Array(cap);
      f.set(this.from);
      t.set(this.to);
      this.from = f;
      this.to = t;
    }
    for (let u = 0; u < count; u++) {
      this.from[this.length] = start;
      this.to[this.length] = end;
      this.length++;
    }
  }
  /** An unchanged stretch: each unit maps to itself. */
  pushSame(start: number, end: number) {
    this.push(0, 0, end - start);
    for (let k = start, o = this.length - (end - start); k < end; k++, o++) {
      this.from[o] = k;
      this.to[o] = k + 1;
    }
  }
}

/** The text with entities decoded, invisible characters removed, compatibility forms and digits made plain and markup marked. */
export function normalizeForScan(input: string): Normalized {
  const pieces: string[] = [];
  const off = new Offsets(input.length + 16);
  let p = 0;
  let stretch = 0;
  const n = input.length;
  while (p < n) {
    const c = input.charCodeAt(p);
    if (c < 0x80 ? c !== 60 && c !== 38 : isInertUnit(c)) {
      p++;
      continue;
    }
    if (p > stretch) {
      pieces.push(input.slice(stretch, p));
      off.pushSame(stretch, p);
    }
    const [out, consumed] = special(input, p, c);
    pieces.push(out);
    off.push(p, p + consumed, out.length);
    p += consumed;
    stretch = p;
  }
  if (n > stretch) {
    pieces.push(input.slice(stretch));
    off.pushSame(stretch, n);
  }
  let text = pieces.join('');
  if (CHINESE_DIGIT_RE.test(text)) text = chineseDigits(text);
  return { text, from: off.from.subarray(0, off.length), to: off.to.subarray(0, off.length) };
}

/** A tag, an entity or a character that normalising changes, at `p`: what it becomes and how many units it spans. */
function special(input: string, p: number, c: number): [string, number] {
  if (c === 60 /* < */) {
    TAG_RE.lastIndex = p;
    const t = TAG_RE.exec(input);
    if (t) {
      const name = t[2]?.toLowerCase();
      return [name === undefined || INLINE_TAGS.has(name) ? JOIN_MARK : BREAK_MARK, t[0].length];
    }
    return ['<', 1];
  }
  if (c === 38 /* & */) {
    ENTITY_RE.lastIndex = p;
    const e = ENTITY_RE.exec(input);
    const decoded = e ? decodeEntity(e) : undefined;
    return e && decoded !== undefined ? [normalChar(decoded), e[0].length] : ['&', 1];
  }
  const cp = input.codePointAt(p) ?? c;
  const width = cp > 0xffff ? 2 : 1;
  return [normalChar(input.slice(p, p + width)), width];
}

const CHINESE_NUMBER_RE = /[0-9〇零一幺二两三四五六七八九](?:[ \-\u00A0]{0,3}[0-9〇零一幺二两三四五六七八九]){10,}/g;

/**
 * Rewrites Chinese numerals as digits where they spell a number of 11 or more digits
 * (with spaces or dashes between groups), one character for one character.
 */
function chineseDigits(text: string): string {
  return text.replace(CHINESE_NUMBER_RE, (run) => {
    let digits = 0;
    let chinese = 0;
    for (const ch of run) {
      if (ch === ' ' || ch === '-' || ch === '\u00A0') continue;
      digits++;
      if (CHINESE_DIGITS[ch] !== undefined) chinese++;
    }
    // Three Chinese numerals at least: a lone 一 before a number (第一…) is a word, not a digit.
    if (chinese < 3 || digits < 11) return run;
    let out = '';
    for (const ch of run) out += CHINESE_DIGITS[ch] ?? ch;
    return out;
  });
}
