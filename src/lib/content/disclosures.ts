/**
 * Reads `disclosures/<villageCode>/*`: ledgers, list tables and text notices, each parsed
 * against its schema with positions kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bi, type Problem } from '../core/errors';
import {
  financeDisclosureSchema,
  listDisclosureSchema,
  noticeDisclosureSchema,
  type FinanceDisclosure,
  type ListDisclosure,
  type NoticeDisclosure,
} from '../schemas/disclosure';
import { parseWith } from './parse';
import { displayPath } from './root';
import { isRefused, readContentText, type ContentTree } from './read';
import { isProblem, parseFrontmatterSource, parseJsonSource, type FrontmatterSource, type SourceFile } from './source';

/** `2026-10-finance.json`, `2026-Q3-affairs.json`, `2026-11-notice-yishiyiyi.mdx` */
const FILE_RE = /^(\d{4}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?)-(?:(finance|affairs|party)\.json|notice-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx?)$/;

interface Base {
  /** Absolute path of the file. */
  abs: string;
  /** Folder name: the village code the file is filed under. */
  folder: string;
  /** `<period>-<kind>` or `<period>-notice-<slug>`: the page's URL segment. */
  id: string;
  /** Period as written in the file name. */
  namePeriod: string;
}

export type DisclosureSource =
  | (Base & { kind: 'finance'; source: SourceFile; data: FinanceDisclosure })
  | (Base & { kind: 'affairs' | 'party'; source: SourceFile; data: ListDisclosure })
  | (Base & { kind: 'notice'; source: FrontmatterSource; data: NoticeDisclosure });

export function loadDisclosures(root: string, tree: ContentTree, problems: Problem[]): DisclosureSource[] {
  const dir = path.join(root, 'disclosures');
  if (!fs.existsSync(dir)) return [];
  const out: DisclosureSource[] = [];
  for (const folder of fs.readdirSync(dir).sort()) {
    const folderAbs = path.join(dir, folder);
    if (isRefused(tree, folderAbs)) continue;
    if (!fs.statSync(folderAbs).isDirectory()) {
      problems.push({
        file: displayPath(folderAbs),
        code: 'disclosure/misplaced',
        what: bi('村务公开文件必须放在以村（社区）代码命名的文件夹中', 'disclosure files belong in a folder named by the village code'),
        fix: bi('移到 disclosures/<12位区划代码>/ 下', 'move it into disclosures/<12-digit code>/'),
      });
      continue;
    }
    for (const file of fs.readdirSync(folderAbs).sort()) {
      const abs = path.join(folderAbs, file);
      if (isRefused(tree, abs)) continue;
      const display = displayPath(abs);
      const m = FILE_RE.exec(file);
      if (!m) {
        problems.push({
          file: display,
          code: 'disclosure/file-name',
          what: bi(`文件名“${file}”不符合命名规则`, `file name "${file}" does not follow the naming rule`),
          fix: bi(
            '命名为 <期间>-finance.json、<期间>-affairs.json、<期间>-party.json 或 <期间>-notice-<拼音>.mdx；期间如 2026-10、2026-Q3',
            'name it <period>-finance.json, <period>-affairs.json, <period>-party.json or <period>-notice-<slug>.mdx; period like 2026-10 or 2026-Q3',
          ),
        });
        continue;
      }
      const [, namePeriod, kind, noticeSlug] = m as unknown as [string, string, 'finance' | 'affairs' | 'party' | undefined, string | undefined];
      const base: Base = { abs, folder, id: file.replace(/\.(json|mdx?)$/, ''), namePeriod };
      const text = readContentText(tree, abs, display);
      if (text === undefined) continue;
      if (isProblem(text)) {
        problems.push(text);
        continue;
      }
      if (noticeSlug !== undefined) {
        const source = parseFrontmatterSource(text, display);
        if (isProblem(source)) {
          problems.push(source);
          continue;
        }
        const { data, problems: p } = parseWith(noticeDisclosureSchema, source);
        problems.push(...p);
        if (data) out.push({ ...base, kind: 'notice', source, data });
        continue;
      }
      const source = parseJsonSource(text, display);
      if (isProblem(source)) {
        problems.push(source);
        continue;
      }
      if (kind === 'finance') {
        const { data, problems: p } = parseWith(financeDisclosureSchema, source);
        problems.push(...p);
        if (data) out.push({ ...base, kind, source, data });
      } else if (kind) {
        const { data, problems: p } = parseWith(listDisclosureSchema, source);
        problems.push(...p);
        if (data) out.push({ ...base, kind, source, data });
      }
    }
  }
  return out;
}
