/**
 * The personal-data gate over everything that can reach the site: every text file in the
 * content root (MDX bodies and frontmatter, every JSON string and number), every file name,
 * and every `personName` cell of a list table. 个人信息保护法 art. 25; 民法典 art. 1034.
 * Findings print the value masked, never the full number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bi, type Bilingual, type Problem } from '../core/errors';
import { allowSet, checkPersonName, parseAllowList, scanText, type FindingKind } from '../privacy';
import { isProblem, parseJsonSource, type SourceFile } from '../content/source';
import { LIMITS, normaliseText, sizeKindOf } from '../content/read';
import { problemAt } from '../content/parse';

export const ALLOW_FILE = 'privacy-allow.json';

/** Files whose text is scanned; anything else (images, PDFs) has only its name scanned. */
const TEXT_EXT = /\.(?:mdx?|json|csv|txt|ya?ml|geojson|svg|html?)$/i;

/** What each kind of number is called in messages (also the output scan's, src/lib/output/scan.ts). */
export const KIND_TEXT: Record<FindingKind, Bilingual> = {
  'resident-id': bi('居民身份证号码', 'resident ID number'),
  mobile: bi('手机号码', 'mobile phone number'),
  'bank-card': bi('银行卡号', 'bank card number'),
};

export interface ContentTextFile {
  /** Path shown in messages. */
  display: string;
  /** Path relative to the content root, with forward slashes. */
  rel: string;
  /** File text, or undefined for binary files (name only). */
  text?: string;
}

/**
 * Every file under the content root, with the text of the text files read as the loaders read
 * it (BOM dropped, CRLF as LF). Links are not followed: the content check refuses them. With
 * `withinLimits` (a content root), the text of a file over its size limit is not read either
 * (only its name is scanned): the check refuses the file (src/lib/content/read.ts).
 */
export function readContentFiles(root: string, display: (abs: string) => string, withinLimits = false): ContentTextFile[] {
  if (!fs.existsSync(root)) return [];
  const rels = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.lstatSync(path.join(root, f)).isFile()).sort();
  return rels.map((rel) => {
    const abs = path.join(root, rel);
    const readable = TEXT_EXT.test(rel) && (!withinLimits || fs.statSync(abs).size <= LIMITS[sizeKindOf(rel)]);
    return {
      display: display(abs),
      rel: rel.split(path.sep).join('/'),
      text: readable ? normaliseText(fs.readFileSync(abs, 'utf8')) : undefined,
    };
  });
}

/** Reads and validates privacy-allow.json; a broken allow-list is itself an error. */
export function loadAllowList(root: string, display: (abs: string) => string): { allow: ReadonlySet<string>; problems: Problem[] } {
  const abs = path.join(root, ALLOW_FILE);
  if (!fs.existsSync(abs)) return { allow: new Set(), problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(normaliseText(fs.readFileSync(abs, 'utf8')));
  } catch (err) {
    json = err;
  }
  const { entries, errors } = json instanceof Error ? { entries: [], errors: [`JSON 格式错误 (invalid JSON): ${json.message}`] } : parseAllowList(json);
  return {
    allow: allowSet(entries),
    problems: errors.map((e) => ({
      file: display(abs),
      code: 'privacy/allow-list',
      // parseAllowList writes "中文。(English.)"; split it into the two halves of the message.
      what: splitBilingual(e),
      fix: bi('每一项都要有 value、reason、approvedBy、approvedOn（YYYY-MM-DD）', 'every entry needs value, reason, approvedBy and approvedOn (YYYY-MM-DD)'),
    })),
  };
}

function splitBilingual(message: string): Bilingual {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/s.exec(message);
  return m ? bi(m[1]!, m[2]!) : bi(message, message);
}

function findingProblem(file: string, kind: FindingKind, masked: string, line?: number, column?: number, inName = false): Problem {
  const k = KIND_TEXT[kind];
  return {
    file,
    line,
    column,
    code: `privacy/${kind}`,
    what: inName
      ? bi(`文件名中含有${k.zh}（${masked}）`, `the file name contains a ${k.en} (${masked})`)
      : bi(`发现${k.zh}（${masked}），公开内容中不得出现`, `${k.en} found (${masked}); it must never be published`),
    fix: bi(
      `删除该号码${inName ? '并改文件名' : ''}（个人信息保护法第二十五条）。若确属依法必须公开的单位号码，经审核后登记到 ${ALLOW_FILE}`,
      `remove the number${inName ? ' and rename the file' : ''} (PIPL art. 25). If it is an official number that must be published, have it approved and listed in ${ALLOW_FILE}`,
    ),
  };
}

/** Scans file texts and file names. */
export function scanContentFiles(files: readonly ContentTextFile[], allow: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const f of files) {
    if (f.rel === ALLOW_FILE) continue; // it lists approved values on purpose
    for (const hit of scanText(f.rel, { allow })) problems.push(findingProblem(f.display, hit.kind, hit.masked, undefined, undefined, true));
    if (f.text === undefined) continue;
    for (const hit of scanText(f.text, { allow })) problems.push(findingProblem(f.display, hit.kind, hit.masked, hit.line, hit.column));
  }
  return problems;
}

/** `张三华` → `张*华`, `张三` → `张*`: how the name should be written. */
function suggestMask(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 2) return `${chars[0] ?? ''}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

interface ListTable {
  columns?: Array<{ key?: unknown; label?: unknown; type?: unknown }>;
  rows?: Array<Record<string, unknown>>;
}

/**
 * With privacy.maskNames on, every `personName` cell of a list table must be masked (张*华,
 * 李*, 张某某). An unmasked name is an error, never silently masked (CONTENT.md).
 */
export function checkPersonNames(source: SourceFile, maskNames: boolean): Problem[] {
  const data = source.data as ListTable;
  if (!maskNames || !Array.isArray(data?.columns) || !Array.isArray(data?.rows)) return [];
  const nameColumns = data.columns.filter((c) => c?.type === 'personName' && typeof c.key === 'string');
  const problems: Problem[] = [];
  data.rows.forEach((row, i) => {
    for (const col of nameColumns) {
      const key = col.key as string;
      const value = row?.[key];
      if (typeof value !== 'string') continue;
      const result = checkPersonName(value);
      if (result.ok) continue;
      const label = typeof col.label === 'string' ? col.label : key;
      problems.push(
        problemAt(source, ['rows', i, key], {
          code: 'privacy/unmasked-name',
          what:
            result.reason === 'empty'
              ? bi(`第 ${i + 1} 行“${label}”为空`, `row ${i + 1}: "${key}" is empty`)
              : bi(`第 ${i + 1} 行“${label}”的姓名未脱敏`, `row ${i + 1}: the name in "${key}" is not masked`),
          fix:
            result.reason === 'empty'
              ? bi('填写脱敏后的姓名，如 张*华', 'write the masked name, e.g. 张*华')
              : bi(
                  `写成“${suggestMask(value)}”或“${[...value][0] ?? ''}某某”的形式（site.json 已开启姓名脱敏）`,
                  `write it masked, like "${suggestMask(value)}" (privacy.maskNames is on)`,
                ),
        }),
      );
    }
  });
  return problems;
}

/** Numbers in every file and name, and names in every list table, of the given files. */
export function scanFilesForPersonalData(files: readonly ContentTextFile[], allow: ReadonlySet<string>, maskNames: boolean): Problem[] {
  const problems = scanContentFiles(files, allow);
  for (const f of files) {
    if (f.text === undefined || !f.rel.endsWith('.json') || !f.text.includes('personName')) continue;
    const source = parseJsonSource(f.text, f.display);
    // A JSON syntax error is reported by the loader of that kind of file.
    if (!isProblem(source)) problems.push(...checkPersonNames(source, maskNames));
  }
  return problems;
}

/**
 * The site's own static files (public/): copied into every build as they are, so they pass the
 * same gate as content, with the content root's allow-list. Named by their path in the project.
 */
export function checkPublicDir(publicDir: string, root: string, display: (abs: string) => string): Problem[] {
  const { allow } = loadAllowList(root, display);
  return scanContentFiles(readContentFiles(publicDir, display), allow);
}

/** The whole gate over a content root: allow-list, numbers in every file, names in every list. */
export function checkPrivacy(root: string, maskNames: boolean, display: (abs: string) => string): Problem[] {
  const { allow, problems } = loadAllowList(root, display);
  return [...problems, ...scanFilesForPersonalData(readContentFiles(root, display, true), allow, maskNames)];
}
