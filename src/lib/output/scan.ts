/**
 * The personal-data gate over what is actually published: every text file of the built site
 * goes through the same scanner as content (src/lib/privacy), after the search index is written
 * (issue 17 item 3). Content is checked before the build, but a page can still show a number no
 * single file holds — a template that prints one, two fields joined on a page, a file copied from
 * public/ — and this is the last point where it can be stopped. 个人信息保护法 art. 25.
 *
 * What is read: HTML, SVG and XML (RSS, sitemaps) as HTML, their text and, once more on their
 * own, the values of their attributes (meta descriptions, `data-pagefind-*`, titles); CSV, JSON,
 * scripts, styles and any other file that decodes as UTF-8; Pagefind's gzip'd files, unpacked
 * (the fragments hold each indexed page's text as JSON; the word index and filters are built
 * from that same text and from the attributes, and are binary). Images, fonts and WebAssembly
 * are binary and skipped. Every file's name is scanned too.
 * Findings name the file, line and kind, and show the number masked, never in full.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { bi, type Problem } from '../core/errors';
import { KIND_TEXT } from '../checks/personal-data';
import { scanText, type Finding } from '../privacy';

/** Pagefind writes this signature before the data of every file it gzips (fragments, index, filters, meta). */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';
/** A gzip'd file is unpacked up to this size; none of Pagefind's comes near it. */
const MAX_UNPACKED = 256 * 1024 * 1024;
/** Shortest attribute value worth a scan of its own: an 11-digit mobile, in any script. */
const MIN_VALUE_CHARS = 11;

const MARKUP_EXT = /\.(?:html?|svg|xml|rss|atom)$/i;
const JSON_EXT = /\.(?:json|pf_fragment|webmanifest|map)$/i;

export interface OutputScanOptions {
  /** The content root's approved values (privacy-allow.json), as for content. */
  allow?: ReadonlySet<string>;
  /** How the site's directory is named in messages, e.g. `dist` (default: `dir` as given). */
  displayDir?: string;
  /** The file a site file (or a search fragment's page URL) came from, when known (./source.ts). */
  sourceOf?: (relOrUrl: string) => string | undefined;
  /**
   * Digests (`fileDigest`) of files an earlier scan under the same rules and allow-list found
   * clean (./scan-cache.ts): such a file's text is not read again. Its name is still scanned.
   */
  knownClean?: ReadonlySet<string>;
}

export interface OutputScanResult {
  problems: Problem[];
  /** Files read as text (gzip'd ones unpacked), and their bytes. */
  textFiles: number;
  textBytes: number;
  /** Files skipped as binary (their names are still scanned). */
  binaryFiles: number;
  /** Digests of the files whose bytes gave no finding, those found in `knownClean` included. */
  clean: string[];
  /** Files not read again because `knownClean` had them. */
  reused: number;
}

/** How a file is read: the scan of the same bytes differs by kind, so the kind is part of the digest. */
function readingOf(rel: string): 'markup' | 'json' | 'text' {
  return MARKUP_EXT.test(rel) ? 'markup' : JSON_EXT.test(rel) ? 'json' : 'text';
}

/** A file's bytes as the scan reads them: the same digest means the same findings under the same rules. */
export function fileDigest(rel: string, bytes: Buffer): string {
  return crypto.createHash('sha256').update(readingOf(rel)).update('\n').update(bytes).digest('base64url').slice(0, 32);
}

/**
 * The one call of the scanner for the output: every text of the site goes through here.
 * The scanner sees through markup itself (entities, tags, comments: src/lib/privacy/normalize.ts).
 */
function findNumbers(text: string, allow: ReadonlySet<string> | undefined): Finding[] {
  return scanText(text, { allow });
}

interface Hit {
  finding: Finding;
  line?: number;
  column?: number;
  /** Where in a JSON file, or which attribute, when the hit was in a decoded value. */
  field?: string;
}

/** Every file under `dir` (relative, `/`-separated), sorted. */
function siteFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    out.push(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return out.sort();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file as text (unpacked when gzip'd, Pagefind's signature dropped), or undefined when binary. */
export function readOutputText(bytes: Buffer): string | undefined {
  let data = bytes;
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
    try {
      data = zlib.gunzipSync(data, { maxOutputLength: MAX_UNPACKED });
    } catch {
      return undefined;
    }
  }
  if (data.subarray(0, PAGEFIND_SIGNATURE.length).toString('latin1') === PAGEFIND_SIGNATURE) data = data.subarray(PAGEFIND_SIGNATURE.length);
  if (data.includes(0)) return undefined;
  try {
    return utf8.decode(data);
  } catch {
    return undefined;
  }
}

/** 1-based line and column of UTF-16 offsets, in any order. */
function lineFinder(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/**
 * Attribute values (`name="…"`, `name='…'`, `name=…`), looked for over the whole text rather than
 * tag by tag: a match outside a tag only means some text is read twice.
 */
const ATTR_RE = /\s([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

/** Findings of attribute values seen before: the same navigation, policy and links recur on every page. */
type ValueMemo = Map<string, Finding[]>;

/**
 * The page as HTML, then each attribute value on its own: how the scanner reads markup is its
 * business, but a value such as a meta description is published text wherever it sits.
 */
function scanMarkup(text: string, allow: ReadonlySet<string> | undefined, memo: ValueMemo): Hit[] {
  const hits: Hit[] = findNumbers(text, allow).map((finding) => ({ finding, line: finding.line, column: finding.column }));
  const seen = new Set(hits.map((h) => `${h.line}|${h.finding.kind}|${h.finding.masked}`));
  let at: ((offset: number) => { line: number; column: number }) | undefined;
  for (const attr of text.matchAll(ATTR_RE)) {
    const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
    if (value.length < MIN_VALUE_CHARS) continue;
    let found = memo.get(value);
    if (found === undefined) {
      found = findNumbers(value, allow);
      memo.set(value, found);
    }
    if (found.length === 0) continue;
    const valueAt = attr.index + attr[0].length - value.length - (attr[4] === undefined ? 1 : 0);
    at ??= lineFinder(text);
    for (const finding of found) {
      const { line, column } = at(valueAt + finding.index);
      const key = `${line}|${finding.kind}|${finding.masked}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({ finding, line, column, field: attr[1] });
    }
  }
  return hits;
}

/** Every string of a JSON value with its path (`rows[3].name`). */
function* jsonStrings(value: unknown, at = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* jsonStrings(v, `${at}[${i}]`);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* jsonStrings(v, at ? `${at}.${k}` : k);
  }
}

/**
 * JSON as written (lines and columns), then — when it has escapes (`\n`, `\u0031`) — every
 * string decoded, as a reader of the file gets it.
 */
function scanJson(text: string, parsed: unknown, allow: ReadonlySet<string> | undefined): Hit[] {
  const hits: Hit[] = findNumbers(text, allow).map((finding) => ({ finding, line: finding.line, column: finding.column }));
  if (parsed === undefined || !text.includes('\\')) return hits;
  const seen = new Set(hits.map((h) => `${h.finding.kind}|${h.finding.masked}`));
  for (const [field, s] of jsonStrings(parsed)) {
    for (const finding of findNumbers(s, allow)) {
      const key = `${finding.kind}|${finding.masked}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({ finding, field: field || undefined });
    }
  }
  return hits;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined; // scanned as written all the same
  }
}

function outputProblem(file: string, hit: Hit, source: string | undefined, page: string | undefined, inName = false): Problem {
  const k = KIND_TEXT[hit.finding.kind];
  const masked = hit.finding.masked;
  const pageZh = page ? `，搜索索引中的页面 ${page}` : '';
  const pageEn = page ? `, search index of page ${page}` : '';
  return {
    file,
    ...(hit.line !== undefined ? { line: hit.line } : {}),
    ...(hit.column !== undefined ? { column: hit.column } : {}),
    ...(hit.field ? { field: hit.field } : {}),
    code: `privacy/output-${hit.finding.kind}`,
    what: bi(
      `生成的网站${inName ? '文件名' : '文件'}中有${k.zh}（${masked}）${pageZh}；来源：${source ?? '输出（由页面模板或几个文件拼成）'}`,
      `the built site has a ${k.en} (${masked}) in ${inName ? 'a file name' : 'a file'}${pageEn}; source: ${source ?? 'output (made by a template or by joining several files)'}`,
    ),
    fix: bi(
      '从来源文件中删除该号码（个人信息保护法第二十五条）；来源为“输出”时，检查生成这个文件的页面模板（src/）和它用到的内容文件。本次构建不发布任何内容',
      'remove the number from its source (PIPL art. 25); when the source is "output", check the page template (src/) that makes the file and the content files it uses. This build publishes nothing',
    ),
  };
}

/** Scans every file of the built site at `dir`; the problems are the build's to report. */
export function scanOutputDir(dir: string, opts: OutputScanOptions = {}): OutputScanResult {
  const { allow, sourceOf } = opts;
  const shown = opts.displayDir ?? dir;
  const problems: Problem[] = [];
  let textFiles = 0;
  let textBytes = 0;
  let binaryFiles = 0;
  let reused = 0;
  const clean: string[] = [];
  const memo: ValueMemo = new Map();
  for (const rel of siteFiles(dir)) {
    // A number in the file's name is masked in the name as shown, too.
    const inName = findNumbers(rel, allow);
    let shownRel = rel;
    for (const f of [...inName].reverse()) shownRel = shownRel.slice(0, f.index) + f.masked + shownRel.slice(f.index + f.length);
    const file = `${shown.replace(/\/+$/, '')}/${shownRel}`;
    for (const finding of inName) problems.push(outputProblem(file, { finding }, sourceOf?.(rel), undefined, true));
    const bytes = fs.readFileSync(path.join(dir, rel));
    const digest = opts.knownClean ? fileDigest(rel, bytes) : undefined;
    if (digest !== undefined && opts.knownClean?.has(digest)) {
      reused += 1;
      clean.push(digest);
      continue;
    }
    const text = readOutputText(bytes);
    if (text === undefined) {
      binaryFiles += 1;
      clean.push(digest ?? fileDigest(rel, bytes));
      continue;
    }
    textFiles += 1;
    textBytes += Buffer.byteLength(text);
    let hits: Hit[];
    let page: string | undefined;
    const reading = readingOf(rel);
    if (reading === 'markup') hits = scanMarkup(text, allow, memo);
    else if (reading === 'json') {
      const parsed = parseJson(text);
      // A search fragment names its page: that page's source is the fragment's.
      const url = rel.endsWith('.pf_fragment') ? (parsed as { url?: unknown } | undefined)?.url : undefined;
      if (typeof url === 'string') page = url;
      hits = scanJson(text, parsed, allow);
    } else hits = findNumbers(text, allow).map((finding) => ({ finding, line: finding.line, column: finding.column }));
    if (hits.length === 0) {
      clean.push(digest ?? fileDigest(rel, bytes));
      continue;
    }
    const source = sourceOf?.(page ?? rel);
    for (const hit of hits) problems.push(outputProblem(file, hit, source, page));
  }
  return { problems, textFiles, textBytes, binaryFiles, clean, reused };
}
