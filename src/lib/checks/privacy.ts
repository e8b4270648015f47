/**
 * The personal-data gate over everything that can reach the site: every text file in the
 * content root (MDX bodies and frontmatter, every JSON string and number), every file name,
 * and every `personName` cell of a list table. 个人信息保护法 art. 25; 民法典 art. 1034.
 * Findings print the value masked, never the full number.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bi, type Bilingual, type Problem } from '../core/errors';
import { allowSet, parseAllowList } from '../privacy';
import { LIMITS, normaliseText, sizeKindOf } from '../content/read';
import { defineRule, doc, type CodeDoc, type CodedProblem } from './rule';
import { ALLOW_FILE, scanContentFiles, scanFilesForPersonalData, type ContentTextFile, type PrivacyCode } from './personal-data';

/** Files whose text is scanned; anything else (images, PDFs) has only its name scanned. */
const TEXT_EXT = /\.(?:mdx?|json|csv|txt|ya?ml|geojson|svg|html?)$/i;

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
export function loadAllowList(root: string, display: (abs: string) => string): { allow: ReadonlySet<string>; problems: Array<CodedProblem<PrivacyCode>> } {
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
      code: 'privacy/allow-list' as const,
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

/**
 * The site's own static files (public/): copied into every build as they are, so they pass the
 * same gate as content, with the content root's allow-list. Named by their path in the project.
 */
export function checkPublicDir(publicDir: string, root: string, display: (abs: string) => string): Problem[] {
  const { allow } = loadAllowList(root, display);
  return scanContentFiles(readContentFiles(publicDir, display), allow);
}

/** The whole gate over a content root: allow-list, numbers in every file, names in every list. */
export function checkPrivacy(root: string, maskNames: boolean, display: (abs: string) => string): Array<CodedProblem<PrivacyCode>> {
  const { allow, problems } = loadAllowList(root, display);
  return [...problems, ...scanFilesForPersonalData(readContentFiles(root, display, true), allow, maskNames)];
}

const NUMBER_FIX = bi(
  `删除该号码（个人信息保护法第二十五条）；确属依法必须公开的单位号码，经审核后登记到 ${ALLOW_FILE}`,
  `remove the number (PIPL art. 25); an official number that must be published is approved and listed in ${ALLOW_FILE}`,
);

const CODES = {
  'privacy/resident-id': {
    enforces: bi(
      '公开内容和文件名中不出现居民身份证号码（个人信息保护法第二十五条）',
      'no resident ID number in published content or file names (PIPL art. 25)',
    ),
    fix: NUMBER_FIX,
  },
  'privacy/mobile': {
    enforces: bi(
      '公开内容和文件名中不出现手机号码，经审核登记的单位号码除外（个人信息保护法第二十五条）',
      'no mobile number in published content, unless approved in the allow-list (PIPL art. 25)',
    ),
    fix: NUMBER_FIX,
  },
  'privacy/bank-card': {
    enforces: bi('公开内容和文件名中不出现银行卡号（个人信息保护法第二十五条）', 'no bank card number in published content or file names (PIPL art. 25)'),
    fix: NUMBER_FIX,
  },
  'privacy/allow-list': doc(
    `${ALLOW_FILE} 的每一项都写明号码、理由、审批人和审批日期`,
    `every entry of ${ALLOW_FILE} gives value, reason, approver and date`,
    '每一项都要有 value、reason、approvedBy、approvedOn（YYYY-MM-DD）',
    'every entry needs value, reason, approvedBy and approvedOn (YYYY-MM-DD)',
  ),
  'privacy/unmasked-name': doc(
    '开启姓名脱敏时，名单中的姓名都已脱敏（民法典第一千零三十四条；个人信息保护法第二十五条）',
    'with privacy.maskNames on, names in lists are masked (Civil Code art. 1034; PIPL art. 25)',
    '写成“张*华”或“张某某”的形式',
    'write it masked, like 张*华 or 张某某',
  ),
} satisfies Record<PrivacyCode, CodeDoc>;

// Names are checked masked unless the site explicitly turned masking off.
export const privacyRules = defineRule({
  name: 'privacy',
  codes: CODES,
  check: (content, ctx) => checkPrivacy(content.root, content.site?.privacy.maskNames ?? true, ctx.display),
});
