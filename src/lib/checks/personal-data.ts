/**
 * The personal-data rules over file texts, with no file system: what the content check
 * (./privacy.ts), the git hooks (scripts/precommit.ts), the spreadsheet import (../import/) and the
 * publishing desk in the browser (../desk/gate.ts) all run, so they refuse the same numbers and
 * names with the same words. 个人信息保护法 art. 25; 民法典 art. 1034.
 * Findings print the value masked, never the full number.
 */
import { bi, type Bilingual } from '../core/errors';
import { checkPersonName, scanText, type FindingKind } from '../privacy';
import { isProblem, parseJsonSource, type SourceFile } from '../content/source';
import { locate, type CodedProblem, type Finding } from './rule';

export type PrivacyCode = `privacy/${FindingKind}` | 'privacy/allow-list' | 'privacy/unmasked-name';

export const ALLOW_FILE = 'privacy-allow.json';

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

/** What a number found in a file (or a spreadsheet cell, src/lib/import) is called, and its fix. */
export function numberFinding(kind: FindingKind, masked: string, inName = false): Omit<Finding<PrivacyCode>, 'path'> {
  const k = KIND_TEXT[kind];
  return {
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

function findingProblem(file: string, kind: FindingKind, masked: string, line?: number, column?: number, inName = false): CodedProblem<PrivacyCode> {
  return { file, line, column, ...numberFinding(kind, masked, inName) };
}

/** Scans file texts and file names. */
export function scanContentFiles(files: readonly ContentTextFile[], allow: ReadonlySet<string>): Array<CodedProblem<PrivacyCode>> {
  const problems: Array<CodedProblem<PrivacyCode>> = [];
  for (const f of files) {
    if (f.rel === ALLOW_FILE) continue; // it lists approved values on purpose
    for (const hit of scanText(f.rel, { allow })) problems.push(findingProblem(f.display, hit.kind, hit.masked, undefined, undefined, true));
    if (f.text === undefined) continue;
    for (const hit of scanText(f.text, { allow })) problems.push(findingProblem(f.display, hit.kind, hit.masked, hit.line, hit.column));
  }
  return problems;
}

/** `张三华` → `张*华`, `张三` → `张*`: how the name should be written. */
export function suggestMask(name: string): string {
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
export function checkPersonNames(source: SourceFile, maskNames: boolean): Array<CodedProblem<PrivacyCode>> {
  const data = source.data as ListTable;
  if (!maskNames || !Array.isArray(data?.columns) || !Array.isArray(data?.rows)) return [];
  const nameColumns = data.columns.filter((c) => c?.type === 'personName' && typeof c.key === 'string');
  const problems: Array<CodedProblem<PrivacyCode>> = [];
  data.rows.forEach((row, i) => {
    for (const col of nameColumns) {
      const key = col.key as string;
      const value = row?.[key];
      if (typeof value !== 'string') continue;
      const result = checkPersonName(value);
      if (result.ok) continue;
      const label = typeof col.label === 'string' ? col.label : key;
      problems.push(
        locate(source, {
          path: ['rows', i, key],
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
export function scanFilesForPersonalData(files: readonly ContentTextFile[], allow: ReadonlySet<string>, maskNames: boolean): Array<CodedProblem<PrivacyCode>> {
  const problems = scanContentFiles(files, allow);
  for (const f of files) {
    if (f.text === undefined || !f.rel.endsWith('.json') || !f.text.includes('personName')) continue;
    const source = parseJsonSource(f.text, f.display);
    // A JSON syntax error is reported by the loader of that kind of file.
    if (!isProblem(source)) problems.push(...checkPersonNames(source, maskNames));
  }
  return problems;
}
